#include "app/fleet_glue.h"

#include "base/log.h"
#include "fleet/deliver.h"
#include "fleet/device_id.h"
#include "fleet/membership.h"
#include "fleet/status.h"
#include "update/keys.h"

namespace kiosk::app {

namespace {

std::string read_device_id(const std::filesystem::path& home) {
    auto pem = update::read_file_limited(home / "cert.pem", 64 * 1024);
    if (!pem)
        return {};
    auto id = fleet::device_id_from_cert_pem(std::string(pem.value().begin(), pem.value().end()),
                                             (home / "cert.pem").string());
    return id ? id.value() : std::string();
}

}  // namespace

std::string fleet_device_id(const FleetPaths& paths) {
    return read_device_id(paths.syncthing_home);
}

std::string fleet_status_text(const FleetPaths& paths, std::int64_t now_unix) {
    update::PublicKey key{};
    if (auto k = update::load_public_key(paths.pubkey))
        key = k.value();
    Diagnostics ignored;
    const auto m = fleet::load_membership(paths.data_dir, key, ignored);
    return fleet::fleet_view(paths.share_dir, m, fleet_device_id(paths), now_unix).text();
}

FleetGlue::FleetGlue(FleetPaths paths, update::ContentValidator validate)
    : paths_(std::move(paths)), validate_(std::move(validate)) {}

fleet::PollConfig FleetGlue::config() const {
    fleet::PollConfig c;
    c.data_dir = paths_.data_dir;
    c.share_dir = paths_.share_dir;
    if (auto k = update::load_public_key(paths_.pubkey))
        c.key = k.value();
    c.validate = validate_;
    c.device_id = read_device_id(paths_.syncthing_home);
    Diagnostics ignored;
    const auto m = fleet::load_membership(paths_.data_dir, c.key, ignored);
    const fleet::Member* me = m ? m->find(c.device_id) : nullptr;
    c.name = me ? me->name : "kiosk";
    if (!paths_.stats_dir.empty())
        c.stats_dir = paths_.stats_dir;
    return c;
}

void FleetGlue::after_import(const std::filesystem::path& bundle_file) {
    auto e = fleet::publish_bundle(bundle_file, config());
    log_info(e ? e.value().str() : "fleet: not shared: " + e.error().message);
}

void FleetGlue::on_stick(const std::filesystem::path& stick_dir) {
    std::error_code ec;
    for (std::filesystem::directory_iterator d(stick_dir, ec), end; !ec && d != end;
         d.increment(ec)) {
        if (d->path().extension() != ".fleet" || d->path().filename().string().starts_with("."))
            continue;
        auto key = update::load_public_key(paths_.pubkey);
        auto m = key ? fleet::join_fleet(d->path(), paths_.data_dir, key.value())
                     : Result<fleet::Membership>(key.error());
        log_info(m ? "fleet: joined " + d->path().filename().string()
                   : "fleet: not joined: " + m.error().message);
        return;
    }
}

void FleetGlue::after_stick(const std::filesystem::path& stick_dir, bool import_reported) {
    auto key = update::load_public_key(paths_.pubkey);
    Diagnostics ignored;
    if (!key || !fleet::load_membership(paths_.data_dir, key.value(), ignored))
        return;  // no fleet: the stick gets this kiosk's own statistics export only
    const fleet::Delivery d = fleet::deliver_to_stick(paths_.share_dir, stick_dir);
    const bool reported = fleet::report_delivery(stick_dir, d, import_reported);
    const std::string text = d.text();
    log_info("fleet: stick " + stick_dir.string() + ": " + text.substr(0, text.find('\n')) +
             (reported ? "" : " (no report written to the stick)"));
}

bool FleetGlue::tick(std::int64_t now_unix) {
    if (!update::load_public_key(paths_.pubkey))
        return false;  // nothing can be verified: take nothing from the fleet
    bool installed = false;
    for (const auto& e : fleet::poll_once(config(), state_, now_unix)) {
        if (e.kind != fleet::EventKind::Status && e.kind != fleet::EventKind::AlreadyActive)
            log_info(e.str());
        installed = installed || e.kind == fleet::EventKind::Installed;
    }
    return installed;
}

std::string FleetGlue::device_id() const {
    return fleet_device_id(paths_);
}

std::string FleetGlue::fleet_text(std::int64_t now_unix) const {
    return fleet_status_text(paths_, now_unix);
}

}  // namespace kiosk::app
