// Runs a shell command for the tests that drive the gomap CLI (golden,
// hostile_input): its whole standard output and how it exited.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace gomap::test {

struct CommandRun {
  int status;  // the exit status, or -1 when the command did not exit normally
  std::string out;
};

// popen's failure is the caller's REQUIRE: out stays empty and status is -1.
inline CommandRun runCommand(const std::string& command, bool* started = nullptr) {
  CommandRun run{-1, ""};
  FILE* p = popen(command.c_str(), "r");
  if (started) *started = p != nullptr;
  if (!p) return run;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) run.out.append(buf, n);
  const int status = pclose(p);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace gomap::test
