#include "update/commands.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include <unistd.h>

#include <new>

#include "update/isolated_import.h"
#include "update/stick.h"

namespace kiosk::update {

namespace {

// Tiny parser: "--name value" options, "--flag" flags, and positionals.
struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::map<std::string, bool> flags;
    std::string error;
};

Args parse(const std::vector<std::string>& in, const std::vector<std::string>& with_value,
           const std::vector<std::string>& flags) {
    Args a;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string& s = in[i];
        if (!s.starts_with("--")) {
            a.positional.push_back(s);
            continue;
        }
        const std::string name = s.substr(2);
        if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            a.flags[name] = true;
        } else if (std::find(with_value.begin(), with_value.end(), name) != with_value.end()) {
            if (i + 1 >= in.size()) {
                a.error = "option " + s + " needs a value";
                return a;
            }
            a.values[name] = in[++i];
        } else {
            a.error = "unknown option " + s;
            return a;
        }
    }
    return a;
}

std::optional<std::int64_t> to_int(const std::string& s) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        return std::nullopt;
    return v;
}

// The child's side of import_isolated(): lines on the parent's pipe.
class ReportPipe {
  public:
    explicit ReportPipe(int fd) : fd_(fd) {}
    void send(const std::string& line) const {
        if (fd_ >= 0)
            (void)write_all(fd_, line.data(), line.size(), "report pipe");
    }
    ImportProgress progress() const {
        if (fd_ < 0)
            return {};
        return [this](double f, std::string_view stage) { send(encode_progress_line(f, stage)); };
    }
    void result(bool ok, const std::string& message, const ImportReport* report) const {
        IsolatedOutcome o = IsolatedOutcome::Refused;
        if (ok)
            o = report && report->outcome == ImportOutcome::AlreadyActive
                    ? IsolatedOutcome::AlreadyActive
                    : IsolatedOutcome::Installed;
        else if (message.find(kOlderThanActive) != std::string::npos)
            o = IsolatedOutcome::OlderThanActive;
        send(encode_peak_line());
        send(encode_result_line(o, report ? report->version : 0, message));
    }

  private:
    int fd_;
};

int usage(std::ostream& err, const std::string& problem, const char* text) {
    if (!problem.empty())
        err << "kiosk: " << problem << "\n";
    err << "usage: " << text << "\n";
    return 2;
}

}  // namespace

int run_keygen(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    static const char* kUsage = "kiosk keygen --out PREFIX   (writes PREFIX.key and PREFIX.pub)";
    const Args a = parse(args, {"out"}, {});
    if (!a.error.empty() || !a.positional.empty() || !a.values.count("out"))
        return usage(err, a.error.empty() ? "missing --out" : a.error, kUsage);
    auto pk = keygen(a.values.at("out"));
    if (!pk) {
        err << pk.error().str() << "\n";
        return 1;
    }
    const std::string prefix = a.values.at("out");
    out << "Wrote " << prefix << ".key (SECRET: keep it off the kiosks and off USB sticks) and "
        << prefix << ".pub (goes into the kiosk image as /etc/kiosk/staff.pub). Key id "
        << key_id_hex(pk.value().id()) << ".\n";
    return 0;
}

int run_bundle(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ContentValidator& validate) {
    static const char* kUsage =
        "kiosk bundle CONTENT_DIR --key staff.key --out NAME.kiosk [--version N] [--label TEXT]";
    const Args a = parse(args, {"key", "out", "version", "label"}, {});
    if (!a.error.empty())
        return usage(err, a.error, kUsage);
    if (a.positional.size() != 1)
        return usage(err, "give exactly one content folder", kUsage);
    if (!a.values.count("key") || !a.values.count("out"))
        return usage(err, "--key and --out are required", kUsage);
    const fs::path content = a.positional[0];
    BundleOptions opt;
    if (a.values.count("version")) {
        opt.version = to_int(a.values.at("version"));
        if (!opt.version || *opt.version <= 0)
            return usage(err, "--version must be a positive whole number", kUsage);
    }
    if (a.values.count("label"))
        opt.label = a.values.at("label");

    if (validate) {
        const Diagnostics d = validate(content);
        err << d.str();
        if (d.has_errors()) {
            err << "kiosk: not bundled: the content has " << d.error_count()
                << " error(s); fix them and run this again\n";
            return 1;
        }
    }
    auto key = load_secret_key(a.values.at("key"));
    if (!key) {
        err << key.error().str() << "\n";
        return 1;
    }
    auto h = write_bundle_file(content, key.value(), opt, a.values.at("out"));
    if (!h) {
        err << h.error().str() << "\n";
        return 1;
    }
    std::error_code ec;
    out << "Wrote " << a.values.at("out") << ": version " << h.value().content_version
        << (h.value().label.empty() ? "" : ", \"" + h.value().label + "\"") << ", "
        << fs::file_size(a.values.at("out"), ec) << " bytes, signed with key "
        << key_id_hex(h.value().key_id) << ".\n";
    return 0;
}

namespace {

int import_with(const Args& a, const ReportPipe& pipe, std::ostream& out, std::ostream& err,
                const ContentValidator& validate);

}  // namespace

int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ContentValidator& validate) {
    const Args a = parse(args, {"data", "pubkey", "keep", "report-fd"}, {"allow-downgrade"});
    const int fd = a.values.count("report-fd")
                       ? static_cast<int>(to_int(a.values.at("report-fd")).value_or(-1))
                       : -1;
    const ReportPipe pipe(fd);
    try {
        return import_with(a, pipe, out, err, validate);
    } catch (const std::bad_alloc&) {
        // Under import_isolated's address-space limit: a refusal, not a crash.
        const std::string msg =
            "checking the update needed more memory than any real update does and was stopped";
        pipe.send(encode_result_line(IsolatedOutcome::OverLimit, 0, msg));
        err << "not updated: " << msg << "\n";
        return 1;
    }
}

namespace {

int import_with(const Args& a, const ReportPipe& pipe, std::ostream& out, std::ostream& err,
                const ContentValidator& validate) {
    static const char* kUsage =
        "kiosk import FILE.kiosk|STICK_DIR [--data DIR] [--pubkey KEY.pub] [--allow-downgrade] "
        "[--keep N] [--report-fd FD]";
    if (!a.error.empty())
        return usage(err, a.error, kUsage);
    if (a.positional.size() != 1)
        return usage(err, "give exactly one bundle file or stick folder", kUsage);
    ImportOptions opt;
    if (a.values.count("data"))
        opt.data_dir = a.values.at("data");
    opt.allow_downgrade = a.flags.count("allow-downgrade") > 0;
    if (a.values.count("keep")) {
        const auto keep = to_int(a.values.at("keep"));
        if (!keep || *keep < 1 || *keep > 100)
            return usage(err, "--keep must be between 1 and 100", kUsage);
        opt.keep_versions = static_cast<int>(*keep);
    }
    auto pk = load_public_key(a.values.count("pubkey") ? a.values.at("pubkey") : kDefaultPublicKey);
    if (!pk) {
        err << pk.error().str() << "\n";
        pipe.result(false, pk.error().message, nullptr);
        return 1;
    }
    opt.trusted_key = pk.value();
    const fs::path target = a.positional[0];
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        const StickImport r = import_from_stick(target, opt, validate, pipe.progress());
        (r.ok() ? out : err) << r.summary() << "\n";
        pipe.result(r.ok(), r.ok() ? r.summary() : (r.error ? r.error->message : r.summary()),
                    r.report ? &*r.report : nullptr);
        return r.ok() ? 0 : 1;
    }
    auto r = import_bundle(target, opt, validate, pipe.progress());
    if (!r) {
        err << "not updated: " << r.error().message << "\n";
        pipe.result(false, r.error().message, nullptr);
        return 1;
    }
    for (const auto& w : r.value().warnings.items())
        err << w.str() << "\n";
    out << r.value().message << "\n";
    pipe.result(true, r.value().message, &r.value());
    return 0;
}

}  // namespace

int run_status(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    static const char* kUsage = "kiosk status [--data DIR]";
    const Args a = parse(args, {"data"}, {});
    if (!a.error.empty() || !a.positional.empty())
        return usage(err, a.error, kUsage);
    out << update::status(a.values.count("data") ? fs::path(a.values.at("data"))
                                                 : fs::path(kDefaultDataDir))
               .text();
    return 0;
}

}  // namespace kiosk::update
