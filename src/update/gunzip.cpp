#include "update/gunzip.h"

#include <algorithm>
#include <limits>

namespace kiosk::update {

Gunzip::Gunzip(std::span<const unsigned char> gz, std::uint64_t max_output)
    : in_(gz), max_output_(max_output) {
    // RFC 1952: ID1 ID2 CM=deflate. Checked here so that a raw tar (or
    // anything else) is refused in so many words rather than by zlib.
    if (gz.size() < 3 || gz[0] != 0x1f || gz[1] != 0x8b || gz[2] != 8) {
        error_ = "the bundle's contents are not gzip-compressed";
        return;
    }
    // 16 + 15: gzip wrapper only (no zlib or raw deflate), 32 KiB window.
    if (inflateInit2(&z_, 16 + 15) != Z_OK) {
        error_ = "out of memory";
        return;
    }
    initialised_ = true;
    // One member is at most the whole input; avail_in is a uInt.
    z_.next_in = const_cast<Bytef*>(gz.data());
    z_.avail_in =
        static_cast<uInt>(std::min<std::size_t>(gz.size(), std::numeric_limits<uInt>::max()));
}

Gunzip::~Gunzip() {
    if (initialised_)
        inflateEnd(&z_);
}

std::span<const unsigned char> Gunzip::next() {
    if (!error_.empty() || finished_)
        return {};
    z_.next_out = buf_.data();
    z_.avail_out = static_cast<uInt>(buf_.size());
    const int r = inflate(&z_, Z_NO_FLUSH);
    const std::size_t n = buf_.size() - z_.avail_out;
    if (r == Z_STREAM_END) {
        finished_ = true;
        // Nothing may follow the member: no second member, no padding, no trailer.
        if (z_.total_in != in_.size())
            error_ = "the bundle's contents have " + std::to_string(in_.size() - z_.total_in) +
                     " stray bytes after the compressed data";
    } else if (r != Z_OK) {
        error_ = std::string("the bundle's compressed contents are damaged") +
                 (z_.msg ? std::string(" (") + z_.msg + ")" : std::string());
    } else if (n == 0) {
        error_ = "the bundle's compressed contents end too early";
    }
    produced_ += n;
    if (produced_ > max_output_)
        error_ = "the bundle unpacks to too much data (limit " + std::to_string(max_output_ >> 20) +
                 " MiB)";
    if (!error_.empty())
        return {};
    std::span<const unsigned char> out(buf_.data(), n);
    remember_tail(out);
    return out;
}

void Gunzip::remember_tail(std::span<const unsigned char> out) {
    for (unsigned char c : out.last(std::min(out.size(), tail_.size())))
        tail_[tail_pos_++ % tail_.size()] = c;
}

bool Gunzip::ends_with_zero_blocks() const {
    return produced_ >= tail_.size() &&
           std::all_of(tail_.begin(), tail_.end(), [](unsigned char c) { return c == 0; });
}

double Gunzip::fraction_consumed() const {
    return in_.empty() ? 1.0 : static_cast<double>(z_.total_in) / static_cast<double>(in_.size());
}

}  // namespace kiosk::update
