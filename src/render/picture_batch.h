// Several pictures prepared at once, one per core.
//
// The first frame after start has nothing to show until its pictures are
// ready: Home's twelve icons cost ~210 M instructions to decode and resample
// when the store does not have them yet (a first boot, a desktop window
// without a data directory), ≈140 ms on one Pi core. Shared out over the cores
// (four on a Pi 4) the first frame appears that much sooner. Every other frame
// gets its pictures from the page painter and the prefetcher, ahead of time.
//
// Threads: each helper writes only its own results' slots, and all are joined
// before the call returns; the store is immutable (picture_store.h).
#pragma once

#include <vector>

#include "base/result.h"
#include "render/picture_store.h"

namespace kiosk::render {

// How many threads to prepare pictures with here: the cores, at most 4.
int picture_threads();

// `wanted`'s pixels (or why not), in order, each through scaled_picture() with
// `store` (may be null). Uses the calling thread and up to threads − 1 helpers,
// never more than there are pictures.
std::vector<Result<std::vector<uint8_t>>> scale_pictures(const ScaledPictures* store,
                                                         const std::vector<PictureRequest>& wanted,
                                                         int threads);

}  // namespace kiosk::render
