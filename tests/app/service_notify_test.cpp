// ServiceNotifier against a datagram socket standing in for systemd's
// NOTIFY_SOCKET: what the kiosk tells systemd, in order.
#include "app/service_notify.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

// A bound AF_UNIX datagram socket and the environment sd_notify reads; both
// are undone when the test ends.
class FakeSystemd {
  public:
    explicit FakeSystemd(const char* watchdog_usec) {
        path_ = std::filesystem::temp_directory_path() /
                ("kiosk-notify-" + std::to_string(getpid()) + ".sock");
        std::filesystem::remove(path_);
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un a{};
        a.sun_family = AF_UNIX;
        std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path_.c_str());
        EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        setenv("NOTIFY_SOCKET", path_.c_str(), 1);
        if (watchdog_usec) {
            setenv("WATCHDOG_USEC", watchdog_usec, 1);
            setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
        }
    }
    ~FakeSystemd() {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        unsetenv("WATCHDOG_PID");
        close(fd_);
        std::filesystem::remove(path_);
    }
    std::vector<std::string> messages() {
        std::vector<std::string> out;
        char buf[512];
        for (ssize_t n; (n = recv(fd_, buf, sizeof buf, 0)) > 0;)
            out.emplace_back(buf, static_cast<size_t>(n));
        return out;
    }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

using kiosk::app::ServiceNotifier;

TEST(ServiceNotifier, StartUpGetsAWiderWatchdogAndReadyRestoresTheUnits) {
    FakeSystemd systemd("10000000");  // WatchdogSec=10
    ServiceNotifier n;
    EXPECT_EQ(n.max_sleep_ms(), 5000);  // half the period
    EXPECT_EQ(systemd.messages(),
              std::vector<std::string>{"WATCHDOG_USEC=" +
                                       std::to_string(ServiceNotifier::kStartupWatchdogUsec)});
    n.alive();
    EXPECT_EQ(systemd.messages(), std::vector<std::string>{"WATCHDOG=1"});
    n.ready();
    n.ready();  // once only
    EXPECT_EQ(systemd.messages(),
              std::vector<std::string>{
                  "READY=1\nSTATUS=showing content\nWATCHDOG_USEC=10000000\nWATCHDOG=1"});
}

TEST(ServiceNotifier, AWatchdogLongerThanTheStartUpAllowanceIsLeftAlone) {
    FakeSystemd systemd("120000000");
    ServiceNotifier n;
    EXPECT_TRUE(systemd.messages().empty());
    n.ready();
    EXPECT_EQ(systemd.messages(),
              std::vector<std::string>{
                  "READY=1\nSTATUS=showing content\nWATCHDOG_USEC=120000000\nWATCHDOG=1"});
}

TEST(ServiceNotifier, WithoutAWatchdogOnlyReadyIsSent) {
    FakeSystemd systemd(nullptr);
    ServiceNotifier n;
    EXPECT_EQ(n.max_sleep_ms(), -1);
    n.alive();
    n.ready();
    EXPECT_EQ(systemd.messages(), std::vector<std::string>{"READY=1\nSTATUS=showing content"});
}

}  // namespace
