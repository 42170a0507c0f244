#include "stats/db.h"

#include "base/log.h"

namespace kiosk::stats {

Stmt::Stmt(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
        log_error(std::string("statistics: ") + sqlite3_errmsg(db) + " in: " + sql);
    s_.reset(s);
}

Stmt& Stmt::bind(int i, int64_t v) {
    sqlite3_bind_int64(s_.get(), i, v);
    return *this;
}

Stmt& Stmt::bind(int i, const std::string& v) {
    sqlite3_bind_text(s_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

bool Stmt::row() {
    return s_ && sqlite3_step(s_.get()) == SQLITE_ROW;
}

bool Stmt::done() {
    if (!s_)
        return false;
    const int rc = sqlite3_step(s_.get());
    sqlite3_reset(s_.get());
    sqlite3_clear_bindings(s_.get());
    return rc == SQLITE_DONE;
}

int64_t Stmt::num(int col) const {
    return sqlite3_column_int64(s_.get(), col);
}

std::string Stmt::text(int col) const {
    const auto* t = sqlite3_column_text(s_.get(), col);
    return t ? reinterpret_cast<const char*>(t) : "";
}

bool exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) == SQLITE_OK)
        return true;
    log_error(std::string("statistics: ") + (err ? err : "?"));
    sqlite3_free(err);
    return false;
}

Diagnostic db_error(sqlite3* db, const std::filesystem::path& file, const std::string& what) {
    return Diagnostic{Severity::Error,
                      {file.string()},
                      what + (db ? std::string(": ") + sqlite3_errmsg(db) : std::string())};
}

Result<DbPtr> open_db(const std::filesystem::path& file, bool read_only) {
    sqlite3* raw = nullptr;
    const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    DbPtr db(raw);
    if (rc != SQLITE_OK)
        return db_error(db.get(), file, "cannot open the statistics database");
    sqlite3_busy_timeout(db.get(), 2000);  // a report reading while the writer commits
    return db;
}

}  // namespace kiosk::stats
