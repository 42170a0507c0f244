#include "fleet/commands.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <thread>

#include "fleet/deliver.h"
#include "fleet/device_id.h"
#include "fleet/membership.h"
#include "fleet/share.h"
#include "fleet/status.h"
#include "fleet/syncthing.h"
#include "update/commands.h"
#include "update/stick.h"

namespace kiosk::fleet {

namespace {

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::map<std::string, bool> flags;
    std::string error;
    std::string get(const std::string& k, const std::string& fallback) const {
        const auto it = values.find(k);
        return it == values.end() ? fallback : it->second;
    }
};

const std::vector<std::string> kValued{"data",    "share", "pubkey", "key",    "out",
                                       "version", "home",  "name",   "listen", "gui",
                                       "every",   "for",   "stats",  "id"};
const std::vector<std::string> kFlags{"no-local-discovery"};

Args parse(const std::vector<std::string>& in) {
    Args a;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string& s = in[i];
        if (!s.starts_with("--")) {
            a.positional.push_back(s);
            continue;
        }
        const std::string name = s.substr(2);
        if (std::find(kFlags.begin(), kFlags.end(), name) != kFlags.end())
            a.flags[name] = true;
        else if (std::find(kValued.begin(), kValued.end(), name) != kValued.end() &&
                 i + 1 < in.size())
            a.values[name] = in[++i];
        else
            a.error = "unknown or incomplete option " + s;
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

int usage(std::ostream& err, const std::string& problem) {
    if (!problem.empty())
        err << "kiosk fleet: " << problem << "\n";
    err << fleet_usage();
    return 2;
}

int fail(std::ostream& err, const Diagnostic& d) {
    err << d.str() << "\n";
    return 1;
}

fs::path data_of(const Args& a) {
    return a.get("data", update::kDefaultDataDir);
}

Result<update::PublicKey> key_of(const Args& a) {
    return update::load_public_key(a.get("pubkey", update::kDefaultPublicKey));
}

// This kiosk's device ID: --id, else from the Syncthing home's certificate.
Result<std::string> self_id(const Args& a) {
    if (a.values.count("id"))
        return a.values.at("id");
    const fs::path cert = fs::path(a.get("home", kDefaultSyncthingHome)) / "cert.pem";
    auto pem = update::read_file_limited(cert, 64 * 1024);
    if (!pem)
        return pem.error();
    return device_id_from_cert_pem(std::string(pem.value().begin(), pem.value().end()),
                                   cert.string());
}

std::string host_name() {
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    return buf[0] ? buf : "kiosk";
}

std::string self_name(const Args& a, const std::optional<Membership>& m, const std::string& id) {
    if (const Member* me = m ? m->find(id) : nullptr)
        return me->name;
    return a.get("name", host_name());
}

int cmd_id(const Args& a, std::ostream& out, std::ostream& err) {
    auto id = self_id(a);
    if (!id)
        return fail(err, id.error());
    out << id.value() << "\n";
    return 0;
}

int cmd_sign(const Args& a, std::ostream& out, std::ostream& err) {
    if (a.positional.size() != 1 || !a.values.count("key") || !a.values.count("out"))
        return usage(err, "sign needs FLEET.yaml, --key and --out");
    const fs::path yaml = a.positional[0];
    auto text = update::read_file_limited(yaml, kMaxFleetYamlBytes);
    if (!text)
        return fail(err, text.error());
    auto key = update::load_secret_key(a.values.at("key"));
    if (!key)
        return fail(err, key.error());
    const auto version =
        a.values.count("version")
            ? to_int(a.values.at("version"))
            : std::optional<std::int64_t>(update::clock_version(update::now_unix()));
    if (!version || *version <= 0)
        return usage(err, "--version must be a positive whole number");
    const std::string body(text.value().begin(), text.value().end());
    auto sealed = sign_fleet(body, key.value(), *version, yaml.string());
    if (!sealed)
        return fail(err, sealed.error());
    const auto& s = sealed.value();
    if (auto w = update::write_file_atomic(
            a.values.at("out"),
            std::string_view(reinterpret_cast<const char*>(s.data()), s.size()));
        !w)
        return fail(err, w.error());
    out << "Wrote " << a.values.at("out") << ": fleet file version " << *version << "\n";
    return 0;
}

int cmd_join(const Args& a, std::ostream& out, std::ostream& err) {
    if (a.positional.size() != 1)
        return usage(err, "join needs a fleet file or a stick folder");
    auto key = key_of(a);
    if (!key)
        return fail(err, key.error());
    fs::path file = a.positional[0];
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        fs::path found;
        for (fs::directory_iterator d(file, ec), end; !ec && d != end; d.increment(ec))
            if (d->path().extension() == ".fleet" &&
                !d->path().filename().string().starts_with("."))
                found = std::max(found, d->path());
        if (found.empty())
            return fail(err, update::make_error(file, "no .fleet file on the stick"));
        file = found;
    }
    auto m = join_fleet(file, data_of(a), key.value());
    if (!m)
        return fail(err, m.error());
    out << "fleet version " << m.value().version << ": " << m.value().members.size()
        << " devices\n";
    return 0;
}

int cmd_syncthing_config(const Args& a, std::ostream& out, std::ostream& err) {
    auto id = self_id(a);
    if (!id)
        return fail(err, id.error());
    // Without the staff key nothing can be verified: a config with no peers
    // (Syncthing still runs, so the staff menu can show the device ID).
    auto key = key_of(a);
    if (!key)
        err << key.error().str() << " (no fleet until the image has the staff key)\n";
    Diagnostics problems;
    const auto m = key ? load_membership(data_of(a), key.value(), problems) : std::nullopt;
    err << problems.str();
    const fs::path share = a.get("share", kDefaultShareDir);
    const fs::path home = a.get("home", kDefaultSyncthingHome);
    SyncthingOptions opt;
    opt.listen = a.get("listen", opt.listen);
    opt.gui = a.get("gui", opt.gui);
    opt.local_discovery = !a.flags.count("no-local-discovery");
    opt.apikey = existing_apikey(home / "config.xml").value_or(update::random_hex(16));
    const std::string xml =
        syncthing_config(m, id.value(), self_name(a, m, id.value()), share, opt);
    if (m && m->find(id.value()))
        for (const auto& p : m->members) {
            std::error_code ec;
            for (const char* sub : {"bundles", "status"})
                fs::create_directories(SharePaths{share}.in() / short_id(p.id) / sub / ".stfolder",
                                       ec);
        }
    if (auto w = update::write_file_atomic(home / "config.xml", xml, 0600); !w)
        return fail(err, w.error());
    out << (m && m->find(id.value()) ? "member of the fleet (" + m->source + ", " +
                                           std::to_string(m->members.size()) + " devices)"
                                     : std::string("not in a signed fleet list: no peers"))
        << "\n";
    return 0;
}

PollConfig poll_config(const Args& a, const update::PublicKey& key,
                       const update::ContentValidator& validate, const std::string& id,
                       const std::string& name) {
    PollConfig c;
    c.data_dir = data_of(a);
    c.share_dir = a.get("share", kDefaultShareDir);
    c.key = key;
    c.validate = validate;
    c.device_id = id;
    c.name = name;
    if (a.values.count("stats"))
        c.stats_dir = a.values.at("stats");
    return c;
}

int cmd_install(const Args& a, std::ostream& out, std::ostream& err,
                const update::ContentValidator& validate) {
    if (a.positional.size() != 1)
        return usage(err, "install needs a bundle file");
    auto key = key_of(a);
    if (!key)
        return fail(err, key.error());
    update::ImportOptions opt;
    opt.data_dir = data_of(a);
    opt.trusted_key = key.value();
    auto r = update::import_bundle(a.positional[0], opt, validate);
    if (!r) {
        err << "not updated: " << r.error().message << "\n";
        return 1;
    }
    out << r.value().message << "\n";
    auto p = publish_bundle(a.positional[0], poll_config(a, key.value(), validate, "", ""));
    if (!p)
        return fail(err, p.error());
    out << p.value().str() << "\n";
    return 0;
}

int cmd_poll(const Args& a, std::ostream& out, std::ostream& err,
             const update::ContentValidator& validate) {
    auto key = key_of(a);
    if (!key)
        return fail(err, key.error());
    const auto id = self_id(a);
    Diagnostics problems;
    const auto m = load_membership(data_of(a), key.value(), problems);
    const std::string my_id = id ? id.value() : "";
    const PollConfig c = poll_config(a, key.value(), validate, my_id, self_name(a, m, my_id));
    const auto every = to_int(a.get("every", "2"));
    const auto total = to_int(a.get("for", "0"));
    if (!every || *every < 1 || !total || *total < 0)
        return usage(err, "--every and --for are whole seconds");
    PollState state;
    const std::int64_t passes = 1 + *total / *every;
    for (std::int64_t i = 0; i < passes; ++i) {
        if (i > 0)
            std::this_thread::sleep_for(std::chrono::seconds(*every));
        for (const auto& e : poll_once(c, state, update::now_unix()))
            out << e.str() << std::endl;
    }
    return 0;
}

int cmd_status(const Args& a, std::ostream& out, std::ostream& err) {
    auto key = key_of(a);
    if (!key)
        return fail(err, key.error());
    const auto id = self_id(a);
    Diagnostics problems;
    const auto m = load_membership(data_of(a), key.value(), problems);
    err << problems.str();
    out << "This kiosk: " << (id ? id.value() : "(no Syncthing certificate yet)") << "\n";
    out << (m ? "Fleet: " + std::to_string(m->members.size()) + " devices (" + m->source + ")"
              : std::string("Fleet: none (no signed fleet list)"))
        << "\n";
    out << fleet_view(a.get("share", kDefaultShareDir), m, id ? id.value() : "", update::now_unix())
               .text();
    return 0;
}

// What a stick plugged into this kiosk receives (kiosk-fleet/ and the report).
int cmd_collect(const Args& a, std::ostream& out, std::ostream& err) {
    if (!a.values.count("out"))
        return usage(err, "collect needs --out STICK_DIR");
    const fs::path stick = a.values.at("out");
    const Delivery d = deliver_to_stick(a.get("share", kDefaultShareDir), stick);
    const bool reported = report_delivery(stick, d, false);
    out << d.text();
    if (d.error || !reported)
        return fail(err, d.error.value_or(update::make_error(stick, "no report written")));
    return 0;
}

}  // namespace

std::string fleet_usage() {
    return R"(usage:
  kiosk fleet id [--home SYNCTHING_HOME | --id ID]            this kiosk's device ID
  kiosk fleet sign FLEET.yaml --key staff.key --out NAME.fleet [--version N]
  kiosk fleet join NAME.fleet|STICK_DIR [--data DIR] [--pubkey KEY]
  kiosk fleet syncthing-config [--data DIR] [--share DIR] [--home DIR] [--pubkey KEY]
        [--listen tcp://HOST:PORT] [--gui HOST:PORT] [--name NAME] [--no-local-discovery]
  kiosk fleet install FILE.kiosk [--data DIR] [--share DIR] [--pubkey KEY]
  kiosk fleet poll [--data DIR] [--share DIR] [--home DIR] [--pubkey KEY] [--stats DIR]
        [--every S --for S]
  kiosk fleet status [--data DIR] [--share DIR] [--home DIR] [--pubkey KEY]
  kiosk fleet collect --out STICK_DIR [--share DIR]   what a plugged-in stick receives
)";
}

int run_fleet(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const update::ContentValidator& validate) {
    if (args.empty())
        return usage(err, "");
    const std::string sub = args[0];
    const Args a = parse({args.begin() + 1, args.end()});
    if (!a.error.empty())
        return usage(err, a.error);
    if (sub == "id")
        return cmd_id(a, out, err);
    if (sub == "sign")
        return cmd_sign(a, out, err);
    if (sub == "join")
        return cmd_join(a, out, err);
    if (sub == "syncthing-config")
        return cmd_syncthing_config(a, out, err);
    if (sub == "install")
        return cmd_install(a, out, err, validate);
    if (sub == "poll")
        return cmd_poll(a, out, err, validate);
    if (sub == "status")
        return cmd_status(a, out, err);
    if (sub == "collect")
        return cmd_collect(a, out, err);
    return usage(err, "unknown fleet command '" + sub + "'");
}

}  // namespace kiosk::fleet
