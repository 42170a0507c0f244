// Small, errno-aware file-system helpers for crash-safe writes.
// Every function reports failure as a Diagnostic instead of throwing, and the
// messages are written for staff ("the kiosk's storage is full"), with the
// technical detail (path, errno text) appended for the log.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "update/handles.h"

namespace kiosk::update {

namespace fs = std::filesystem;

// A Diagnostic of severity Error about `where`.
Diagnostic make_error(const fs::path& where, std::string message);

// Turns an errno into a staff-readable sentence ("the storage is full", ...).
std::string describe_errno(int err);

// Placeholder type for Results that carry no value.
struct Ok {};

// "a folder", "a FIFO (named pipe)", ... for st_mode (messages for staff).
const char* kind_of_file(unsigned mode);

// Reads a whole regular file, refusing anything larger than max_bytes or not a
// regular file (a FIFO on a stick must not block the kiosk). A read error or a
// file that shrinks while being read (stick pulled out) is an error.
// `on_chunk` (may be empty) is called after every chunk with the bytes read so
// far; tests use it to simulate a stick being removed mid-read.
Result<std::vector<unsigned char>> read_file_limited(
    const fs::path& file, std::uint64_t max_bytes,
    const std::function<void(std::uint64_t)>& on_chunk = {});

// Writes all bytes to fd, retrying short writes and EINTR.
Result<Ok> write_all(int fd, const void* data, std::size_t size, const fs::path& what);

// fsync() a file or directory by path.
Result<Ok> fsync_path(const fs::path& p);

// Writes `data` to `file` durably: temp file + fsync + rename + fsync(dir).
Result<Ok> write_file_atomic(const fs::path& file, std::string_view data, unsigned mode = 0644);

// Removes a directory tree; errors are ignored except in the return value
// (cleanup is best effort, it must never turn a success into a failure).
bool remove_tree(const fs::path& p);

// 16 random hex characters (libsodium's CSPRNG), for unguessable staging names.
std::string random_hex(std::size_t bytes = 8);

// "2023-10-01T12:34:56Z" for a Unix time.
std::string iso_utc(std::int64_t unix_seconds);
std::int64_t now_unix();

}  // namespace kiosk::update
