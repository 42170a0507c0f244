#include "stats/publish.h"

#include <fstream>

namespace kiosk::stats {
namespace {

namespace fs = std::filesystem;

Diagnostic error_at(const fs::path& where, std::string message) {
    return Diagnostic{Severity::Error, {where.string()}, std::move(message)};
}

// Temporary file in the same folder, then rename: readers see the old or the new report.
std::optional<Diagnostic> write_atomic(const fs::path& file, const std::string& text) {
    const fs::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp");
    {
        std::ofstream f(temp, std::ios::binary | std::ios::trunc);
        f << text;
        f.flush();
        if (!f)
            return error_at(temp, "cannot write the statistics");
    }
    std::error_code ec;
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return error_at(file, "cannot replace the statistics");
    }
    return std::nullopt;
}

}  // namespace

bool publish_due(std::optional<std::int64_t> last_unix, std::int64_t now_unix,
                 std::int64_t every_s) {
    return !last_unix || now_unix < *last_unix || now_unix - *last_unix >= every_s;
}

Result<std::vector<fs::path>> publish_reports(const fs::path& db_file, const fs::path& dir,
                                              const ReportStyle& style) {
    auto db = open_db(db_file, true);
    if (!db)
        return db.error();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return error_at(dir, "cannot create the folder: " + ec.message());
    ReportTexts texts = report_texts(db.value().get(), style);
    const std::pair<fs::path, const std::string*> files[] = {{dir / kPublishedCsv, &texts.csv},
                                                             {dir / kPublishedHtml, &texts.html}};
    std::vector<fs::path> written;
    for (const auto& [file, text] : files) {
        if (auto e = write_atomic(file, *text))
            return *e;
        written.push_back(file);
    }
    return written;
}

}  // namespace kiosk::stats
