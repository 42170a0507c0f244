#include "fleet/share.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>

#include "fleet/membership.h"
#include "fleet/status.h"
#include "update/bundle_format.h"
#include "update/data_dir.h"

namespace kiosk::fleet {

namespace {

using update::make_error;

bool is_marker(const fs::path& name) {
    const std::string n = name.filename().string();
    return n == ".stfolder" || n == ".stignore";
}

std::optional<FileMark> mark_of(const fs::path& file) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    FileMark m;
    m.size = static_cast<std::uintmax_t>(st.st_size);
    m.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return m;
}

bool same_file(const FileMark& a, const FileMark& b) {
    return a.size == b.size && a.mtime_ns == b.mtime_ns;
}

// The number in "content-<N>.kiosk", only to try the newest first; the
// signed header decides what the file really is.
std::int64_t version_in_name(const fs::path& p) {
    const std::string stem = p.stem().string();
    const auto dash = stem.rfind('-');
    std::int64_t v = 0;
    if (dash == std::string::npos)
        return 0;
    const auto [ptr, ec] = std::from_chars(stem.data() + dash + 1, stem.data() + stem.size(), v);
    return ec == std::errc() && ptr == stem.data() + stem.size() ? v : 0;
}

std::vector<fs::path> incoming_bundles(const SharePaths& share) {
    std::vector<fs::path> out;
    std::error_code ec;
    std::size_t peers = 0;
    for (fs::directory_iterator d(share.in(), ec), end; !ec && d != end && peers < kMaxPeerDirs;
         d.increment(ec), ++peers) {
        std::size_t files = 0;
        std::error_code ec2;
        for (fs::directory_iterator f(d->path() / "bundles", ec2), fend;
             !ec2 && f != fend && files < kMaxFilesPerFolder; f.increment(ec2)) {
            const fs::path p = f->path();
            const std::string n = p.filename().string();
            if (n.starts_with(".") || p.extension() != ".kiosk" || !mark_of(p))
                continue;
            out.push_back(p);
            ++files;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) {
        return version_in_name(a) > version_in_name(b);
    });
    return out;
}

Result<update::VerifiedBundle> verify(const std::vector<unsigned char>& bytes, const PollConfig& c,
                                      const fs::path& file) {
    auto b = update::open_bundle(bytes, c.key, file);
    if (b && b.value().header.label == kFleetLabel)
        return make_error(file, "this is a fleet file, not a content bundle");
    return b;
}

// A version this kiosk holds but does not show: staff went back from it or it
// could not be loaded here. The fleet must not force it back in.
bool held_back(const update::DataDir& l, std::int64_t version) {
    const auto active = update::current_version(l);
    return update::read_version(l, version).has_value() && active && *active != version;
}

void import_one(const fs::path& file, const PollConfig& c, PollState& s, std::int64_t now,
                std::vector<Event>& events) {
    const auto mark = mark_of(file);
    if (!mark)
        return;
    const std::string key = file.string();
    auto it = s.seen.find(key);
    if (it != s.seen.end() && same_file(it->second, *mark) &&
        (it->second.settled || now < it->second.retry_at))
        return;
    FileMark next = *mark;
    const update::DataDir l{c.data_dir};
    // Verified first with the same code the import uses: a copy of the active
    // version (every peer re-shares it) is settled without an import and
    // without a log line; anything that does not verify goes on to the import,
    // which refuses and reports it exactly as for a USB stick.
    if (auto bytes = update::read_file_limited(file, c.max_bundle_bytes)) {
        if (auto b = verify(bytes.value(), c, file)) {
            const std::int64_t v = b.value().header.content_version;
            const auto active = update::current_version(l);
            if ((active && *active == v) || held_back(l, v)) {
                next.settled = true;
                s.seen[key] = next;
                const bool same = active && *active == v;
                events.push_back({same ? EventKind::AlreadyActive : EventKind::HeldBack, file, v,
                                  same ? "already active"
                                       : "kept but not shown here (gone back from, or did not "
                                         "load)"});
                return;
            }
        }
    }
    update::ImportOptions opt;
    opt.data_dir = c.data_dir;
    opt.trusted_key = c.key;
    opt.limits = c.limits;
    opt.max_bundle_bytes = c.max_bundle_bytes;
    auto r = update::import_bundle(file, opt, c.validate);
    if (!r) {
        const std::int64_t prev =
            it != s.seen.end() && same_file(it->second, *mark) ? it->second.delay_s : 0;
        next.delay_s = std::min<std::int64_t>(kMaxRetryDelayS, prev ? prev * 2 : 30);
        next.retry_at = now + next.delay_s;
        s.seen[key] = next;
        events.push_back({EventKind::Refused, file, 0, r.error().message});
        return;
    }
    next.settled = true;
    s.seen[key] = next;
    const auto& rep = r.value();
    if (rep.outcome == update::ImportOutcome::AlreadyActive) {
        events.push_back({EventKind::AlreadyActive, file, rep.version, rep.message});
        return;
    }
    events.push_back({EventKind::Installed, file, rep.version, rep.message});
    auto p = publish_bundle(file, c);
    events.push_back(p ? p.value() : Event{EventKind::Refused, file, 0, p.error().message});
    if (p)
        s.published =
            mark_of(SharePaths{c.share_dir}.out_bundles() / shared_bundle_name(rep.version));
}

// out/bundles holds the verified active bundle and nothing else.
void tidy_out(const PollConfig& c, PollState& s, std::vector<Event>& events) {
    const SharePaths share{c.share_dir};
    const auto active = update::current_version(update::DataDir{c.data_dir});
    const std::string mine = active ? shared_bundle_name(*active) : std::string();
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator d(share.out_bundles(), ec), end;
         !ec && d != end && entries.size() < kMaxFilesPerFolder * 4; d.increment(ec))
        entries.push_back(d->path());
    for (const auto& p : entries) {
        if (is_marker(p))
            continue;
        bool keep = p.filename() == mine;
        if (keep) {
            const auto mark = mark_of(p);
            if (!mark)
                keep = false;
            else if (!s.published || !same_file(*s.published, *mark)) {
                auto bytes = update::read_file_limited(p, c.max_bundle_bytes);
                auto b = bytes ? verify(bytes.value(), c, p)
                               : Result<update::VerifiedBundle>(bytes.error());
                keep = b && b.value().header.content_version == *active;
                if (keep)
                    s.published = mark;
            }
        }
        if (!keep) {
            update::remove_tree(p);
            events.push_back({EventKind::Withdrawn, p, 0,
                              "removed from this kiosk's shared bundles (not its verified "
                              "active bundle)"});
        }
    }
}

}  // namespace

std::string Event::str() const {
    static const char* const kNames[] = {"installed", "already active", "refused", "held back",
                                         "published", "withdrawn",      "status"};
    return std::string("fleet: ") + kNames[static_cast<int>(kind)] + " " +
           file.filename().string() + ": " + message;
}

std::string shared_bundle_name(std::int64_t version) {
    return "content-" + std::to_string(version) + ".kiosk";
}

Result<update::Ok> ensure_share(const SharePaths& share) {
    for (const fs::path& d : {share.out_bundles() / ".stfolder", share.out_status() / ".stfolder",
                              share.in(), share.staging()}) {
        std::error_code ec;
        fs::create_directories(d, ec);
        if (ec)
            return make_error(d, "cannot create the fleet folder: " + ec.message());
    }
    return update::Ok{};
}

Result<Event> publish_bundle(const fs::path& bundle_file, const PollConfig& c) {
    const SharePaths share{c.share_dir};
    if (auto e = ensure_share(share); !e)
        return e.error();
    auto bytes = update::read_file_limited(bundle_file, c.max_bundle_bytes);
    if (!bytes)
        return bytes.error();
    auto b = verify(bytes.value(), c, bundle_file);
    if (!b)
        return b.error();
    const std::int64_t v = b.value().header.content_version;
    const auto active = update::current_version(update::DataDir{c.data_dir});
    if (!active || *active != v)
        return make_error(bundle_file, "not shared: version " + std::to_string(v) +
                                           " is not the active version here");
    const std::string name = shared_bundle_name(v);
    const fs::path staged = share.staging() / name;
    const auto& d = bytes.value();
    if (auto w = update::write_file_atomic(
            staged, std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
        !w)
        return w.error();
    const fs::path target = share.out_bundles() / name;
    if (::rename(staged.c_str(), target.c_str()) != 0)
        return make_error(target, "cannot share the bundle: " + update::describe_errno(errno));
    (void)update::fsync_path(share.out_bundles());
    std::error_code ec;
    for (fs::directory_iterator it(share.out_bundles(), ec), end; !ec && it != end;
         it.increment(ec))
        if (!is_marker(it->path()) && it->path().filename() != name)
            update::remove_tree(it->path());
    return Event{EventKind::Published, target, v, "shared with the fleet"};
}

std::vector<Event> poll_once(const PollConfig& c, PollState& s, std::int64_t now) {
    std::vector<Event> events;
    const SharePaths share{c.share_dir};
    if (auto e = ensure_share(share); !e) {
        events.push_back({EventKind::Refused, c.share_dir, 0, e.error().message});
        return events;
    }
    tidy_out(c, s, events);
    const auto files = incoming_bundles(share);
    for (const auto& f : files)
        import_one(f, c, s, now, events);
    // Forget files that are gone, so the map stays as small as the folders.
    std::erase_if(s.seen, [&](const auto& kv) {
        return std::find(files.begin(), files.end(), fs::path(kv.first)) == files.end();
    });
    if (auto st = refresh_status(c, s, now))
        events.push_back(*st);
    return events;
}

}  // namespace kiosk::fleet
