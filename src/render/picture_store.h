// Pictures scaled for the screen, kept in the data directory.
//
// Decoding a 1280×720 JPEG and resampling it to the size a page draws it at
// costs ~35 M instructions (≈25 ms on a Pi core). The scaled pixels of each
// picture are stored the first time a page needs them, so from then on (and
// after a restart or power cut) preparing a picture is a file read: the
// device scales each picture once per size it is drawn at, not once per visit.
//
// Entries are keyed by a hash of the picture file's bytes and the drawn size,
// so an update that keeps a picture keeps its entry, and a changed picture
// never finds a stale one. Each entry is written to a temporary file, synced
// and renamed into place, and checked (size and CRC) when read: a cut power or
// a damaged card costs a re-scale, never wrong pixels or a crash. The store is
// bounded (bytes and files, least recently used first out); a hit refreshes the
// entry's mtime, which is what "recently used" means here. What is worth
// keeping is decided before writing: a screen-sized picture is not kept, and
// entries used in the last minutes are never pushed out for a new one, so
// pictures cycling through a store too small for them (the attract loop's
// slides) cannot rewrite the SD card on every load.
//
// Threads: a ScaledPictures is immutable after construction and keeps all its
// state on disk, so the UI thread and workers call load() concurrently;
// writers never share a temporary file, and rename() is atomic.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk::render {

inline constexpr const char* kScaledPicturesDir = "scaled-pictures";  // under the data directory

// A picture at the pixel size a page draws it at.
struct PictureRequest {
    std::string path;
    int w = 0, h = 0;
    bool operator==(const PictureRequest&) const = default;
};

// Crops the centre of `rgba` (w0×h0) to the aspect of w×h and resamples it to w×h.
std::vector<uint8_t> cover_picture(const uint8_t* rgba, int w0, int h0, int w, int h);

struct StoreLimits {
    uint64_t max_bytes = 96ull << 20;  // all entries; the content's pictures at two sizes fit
    size_t max_files = 512;
    // A bigger entry is not kept. A full 1920×1080 slide is 7.9 MiB: reading it
    // back from an SD card (~0.2–0.3 s) saves little over decoding it again, and
    // it would push out a dozen page pictures. Its pixels are still returned.
    uint64_t max_entry_bytes = 4ull << 20;
    // Entries used this recently are the working set: they are never evicted
    // to make room, the new entry is not kept instead.
    std::chrono::seconds keep_recent{600};
};

class ScaledPictures {
  public:
    // A store in `dir` (created if missing), or nullptr (logged) when it cannot be.
    static std::shared_ptr<const ScaledPictures> open(const std::filesystem::path& dir,
                                                      StoreLimits limits = {});

    // The picture at `path` as w×h RGBA ("cover"-cropped), from the store when a
    // scaled copy of the same bytes is there; else decoded, scaled and stored.
    // An error names `path` when the picture itself is missing or damaged.
    Result<std::vector<uint8_t>> load(const std::string& path, int w, int h) const;
    // Makes sure a scaled copy of the picture at w×h is kept, without reading
    // it back when one of the right size is there. True when it was scaled now.
    Result<bool> keep(const std::string& path, int w, int h) const;
    const std::filesystem::path& dir() const { return dir_; }

  private:
    ScaledPictures(std::filesystem::path dir, StoreLimits limits)
        : dir_(std::move(dir)), limits_(limits) {}
    // Decodes `source` (the bytes of `path`), scales it to w×h and stores it as `entry`.
    Result<std::vector<uint8_t>> scale_into(const std::filesystem::path& entry,
                                            const std::vector<uint8_t>& source,
                                            const std::string& path, int w, int h) const;
    void store(const std::filesystem::path& entry, int w, int h,
               const std::vector<uint8_t>& rgba) const;
    // Evicts the least recently used entries until `incoming` more bytes fit;
    // false (nothing evicted) when that would evict an entry used within keep_recent.
    bool make_room(uint64_t incoming) const;
    // Evicts whatever is past the bounds, least recently used first.
    void trim() const;

    std::filesystem::path dir_;
    StoreLimits limits_;
};

// The one way every thread prepares a picture: through `store` when there is
// one, else decoded and scaled on the spot.
Result<std::vector<uint8_t>> scaled_picture(const ScaledPictures* store, const std::string& path,
                                            int w, int h);

}  // namespace kiosk::render
