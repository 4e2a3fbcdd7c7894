// A user's bad request (wrong key type, a limit reached, a parse error) comes
// back as a Status with a message; a broken invariant is a bug and asserts.
#pragma once
#include <string>
#include <utility>

namespace gomap {

class Status {
 public:
  static Status ok() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }

  bool isOk() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace gomap
