// A user's bad request (wrong key type, a limit reached, a parse error) comes
// back as a Status with a message; a broken invariant is a bug and asserts.
#pragma once
#include <memory>
#include <string>
#include <utility>

namespace gomap {

// [[nodiscard]]: a Status dropped on the floor is an error nobody reports.
class [[nodiscard]] Status {
 public:
  static Status success() { return Status(); }
  static Status error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_; }
  const std::string& message() const { return message_ ? *message_ : empty(); }

 private:
  Status() = default;
  explicit Status(std::string message) : message_(std::make_shared<const std::string>(std::move(message))) {}
  static const std::string& empty() {
    static const std::string none;
    return none;
  }
  // One null pointer when all is well: lookups at a million keys return a
  // Status each, and a std::string member cost them measurable time.
  std::shared_ptr<const std::string> message_;

 public:
  // Copies only: a moved-from error must still read as an error.
  Status(const Status&) = default;
  Status& operator=(const Status&) = default;
};

}  // namespace gomap
