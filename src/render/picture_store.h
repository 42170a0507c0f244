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
// entry's mtime, which is what "recently used" means here.
//
// Threads: a ScaledPictures is immutable after construction and keeps all its
// state on disk, so the UI thread and workers call load() concurrently;
// writers never share a temporary file, and rename() is atomic.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

namespace kiosk::render {

inline constexpr const char* kScaledPicturesDir = "scaled-pictures";  // under the data directory

// Crops the centre of `rgba` (w0×h0) to the aspect of w×h and resamples it to w×h.
std::vector<uint8_t> cover_picture(const uint8_t* rgba, int w0, int h0, int w, int h);

struct StoreLimits {
    uint64_t max_bytes = 96ull << 20;  // all entries; the content's pictures at two sizes fit
    size_t max_files = 512;
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
    const std::filesystem::path& dir() const { return dir_; }

  private:
    ScaledPictures(std::filesystem::path dir, StoreLimits limits)
        : dir_(std::move(dir)), limits_(limits) {}
    void store(const std::filesystem::path& entry, int w, int h,
               const std::vector<uint8_t>& rgba) const;
    void evict() const;

    std::filesystem::path dir_;
    StoreLimits limits_;
};

// The one way every thread prepares a picture: through `store` when there is
// one, else decoded and scaled on the spot.
Result<std::vector<uint8_t>> scaled_picture(const ScaledPictures* store, const std::string& path,
                                            int w, int h);

}  // namespace kiosk::render
