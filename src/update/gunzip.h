// The payload's gzip layer, decompressed with zlib directly rather than by
// libarchive's filter: the format is exactly one gzip member with nothing
// after it (libarchive accepts concatenated members, trailing bytes and raw
// tar), and the decompressed size must stop at a bound however the data lies.
#pragma once

#include <zlib.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace kiosk::update {

class Gunzip {
  public:
    // Produces at most `max_output` bytes; more is an error (an archive bomb).
    Gunzip(std::span<const unsigned char> gz, std::uint64_t max_output);
    ~Gunzip();
    Gunzip(const Gunzip&) = delete;
    Gunzip& operator=(const Gunzip&) = delete;

    // Decompresses the next piece into an internal buffer. Returns its bytes
    // (empty at the end of the member) or sets error() and returns empty.
    std::span<const unsigned char> next();

    // Empty while all is well; otherwise what is wrong, in words for staff.
    const std::string& error() const { return error_; }
    bool finished() const { return finished_; }
    std::uint64_t produced() const { return produced_; }
    // Compressed bytes consumed so far, as a fraction of the input (progress).
    double fraction_consumed() const;
    // True when the last 1024 bytes produced were all zero (the tar's end blocks).
    bool ends_with_zero_blocks() const;

  private:
    void remember_tail(std::span<const unsigned char> out);

    std::span<const unsigned char> in_;
    std::uint64_t max_output_;
    z_stream z_{};
    bool initialised_ = false;
    bool finished_ = false;
    std::uint64_t produced_ = 0;
    std::string error_;
    std::array<unsigned char, 1 << 16> buf_{};
    std::array<unsigned char, 1024> tail_{};  // the last bytes produced, ring-ordered
    std::uint64_t tail_pos_ = 0;
};

}  // namespace kiosk::update
