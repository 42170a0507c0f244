// The few SQLite calls the statistics need, with RAII handles.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "base/result.h"

namespace kiosk::stats {

struct DbClose {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalize {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using DbPtr = std::unique_ptr<sqlite3, DbClose>;

// A prepared statement; bind() is 1-based like SQLite's, col() 0-based.
class Stmt {
  public:
    Stmt(sqlite3* db, const char* sql);
    bool ok() const { return s_ != nullptr; }
    Stmt& bind(int i, int64_t v);
    Stmt& bind(int i, const std::string& v);
    bool row();   // steps; true while there is a row
    bool done();  // steps a statement without rows; true on success
    int64_t num(int col) const;
    std::string text(int col) const;

  private:
    std::unique_ptr<sqlite3_stmt, StmtFinalize> s_;
};

// Runs SQL without results; logs and returns false on failure.
bool exec(sqlite3* db, const char* sql);
Result<DbPtr> open_db(const std::filesystem::path& file, bool read_only);
Diagnostic db_error(sqlite3* db, const std::filesystem::path& file, const std::string& what);

}  // namespace kiosk::stats
