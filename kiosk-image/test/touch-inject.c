/* TEST ONLY (kiosk-image/test, never in a released image): a virtual
 * multitouch touchscreen made with uinput, so the image test taps the kiosk
 * through the same kernel path as the Pi's touch display (INPUT_PROP_DIRECT,
 * ABS_MT_* slots, BTN_TOUCH -> udev ID_INPUT_TOUCHSCREEN -> SDL finger events).
 * QEMU 7.2 has no emulated touchscreen, and its usb-tablet is an absolute
 * mouse that SDL 2.26's evdev code does not scale to the screen.
 *
 *   kiosk-test-touch WIDTH HEIGHT serve FIFO     (the image test uses this)
 *       one touchscreen for the whole boot; reads "tap X Y" and
 *       "hold X Y SECONDS" lines from FIFO, one gesture after another
 *   kiosk-test-touch WIDTH HEIGHT tap X Y
 *   kiosk-test-touch WIDTH HEIGHT hold X Y SECONDS
 *       one-shot: a device made, used once, kept a few seconds, destroyed
 *
 * Why a device that stays: SDL reads evdev only when the app pumps events,
 * and under QEMU's TCG with a software GL the frame that shows the pressed
 * tile takes seconds. A device destroyed before SDL read the release leaves
 * SDL a finger that never lifts (SDL 2.26 sends no FINGERUP when a touch
 * device goes away): a tap the kiosk seemed to ignore. A real panel never
 * goes away, and neither does the served one. */
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static int emit(int fd, int type, int code, int value) {
    struct input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = (unsigned short)type;
    ev.code = (unsigned short)code;
    ev.value = value;
    return write(fd, &ev, sizeof ev) == (ssize_t)sizeof ev ? 0 : -1;
}

static int axis(int fd, int code, int max) {
    struct uinput_abs_setup a;
    memset(&a, 0, sizeof a);
    a.code = (unsigned short)code;
    a.absinfo.maximum = max;
    return ioctl(fd, UI_SET_ABSBIT, code) || ioctl(fd, UI_ABS_SETUP, &a);
}

static int create(int w, int h) {
    int fd = open("/dev/uinput", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct uinput_setup s;
    memset(&s, 0, sizeof s);
    s.id.bustype = BUS_VIRTUAL;
    s.id.vendor = 0x4b49; /* "KI" */
    s.id.product = 0x0001;
    snprintf(s.name, sizeof s.name, "kiosk-test touchscreen");
    if (ioctl(fd, UI_SET_EVBIT, EV_KEY) || ioctl(fd, UI_SET_KEYBIT, BTN_TOUCH) ||
        ioctl(fd, UI_SET_EVBIT, EV_ABS) || ioctl(fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT) ||
        axis(fd, ABS_X, w - 1) || axis(fd, ABS_Y, h - 1) || axis(fd, ABS_MT_SLOT, 0) ||
        axis(fd, ABS_MT_TRACKING_ID, 65535) || axis(fd, ABS_MT_POSITION_X, w - 1) ||
        axis(fd, ABS_MT_POSITION_Y, h - 1) || ioctl(fd, UI_DEV_SETUP, &s) ||
        ioctl(fd, UI_DEV_CREATE)) {
        close(fd);
        return -1;
    }
    return fd;
}

static int touch(int fd, int down, int x, int y) {
    int rc = emit(fd, EV_ABS, ABS_MT_SLOT, 0);
    rc |= emit(fd, EV_ABS, ABS_MT_TRACKING_ID, down ? 1 : -1);
    if (down) {
        rc |= emit(fd, EV_ABS, ABS_MT_POSITION_X, x) | emit(fd, EV_ABS, ABS_MT_POSITION_Y, y);
        rc |= emit(fd, EV_ABS, ABS_X, x) | emit(fd, EV_ABS, ABS_Y, y);
    }
    rc |= emit(fd, EV_KEY, BTN_TOUCH, down);
    return rc | emit(fd, EV_SYN, SYN_REPORT, 0);
}

/* One gesture: press at (x, y), keep the finger down `held` s, lift. */
static int gesture(int fd, int x, int y, double held) {
    int rc = touch(fd, 1, x, y);
    usleep((useconds_t)(held * 1e6));
    return rc | touch(fd, 0, x, y);
}

/* Reads gesture lines from `path` until "quit"; the FIFO is opened read-write
 * so that writers coming and going never give it an end of file. */
static int serve(int fd, const char* path) {
    unlink(path);
    if (mkfifo(path, 0600) != 0)
        return 1;
    FILE* in = fopen(path, "r+");
    if (!in)
        return 1;
    char line[128];
    int rc = 0;
    while (fgets(line, sizeof line, in)) {
        int x = 0, y = 0;
        double held = 0;
        if (strncmp(line, "quit", 4) == 0)
            break;
        if (sscanf(line, "tap %d %d", &x, &y) == 2)
            rc |= gesture(fd, x, y, 0.08);
        else if (sscanf(line, "hold %d %d %lf", &x, &y, &held) == 3)
            rc |= gesture(fd, x, y, held);
        else
            fprintf(stderr, "kiosk-test-touch: ignored: %s", line);
    }
    fclose(in);
    unlink(path);
    return rc;
}

int main(int argc, char** argv) {
    int is_serve = argc == 5 && strcmp(argv[3], "serve") == 0;
    if (!is_serve && (argc < 6 || (strcmp(argv[3], "tap") != 0 && strcmp(argv[3], "hold") != 0) ||
                      (strcmp(argv[3], "hold") == 0 && argc < 7))) {
        fprintf(stderr, "usage: %s W H serve FIFO | W H tap X Y | W H hold X Y SECONDS\n",
                argv[0]);
        return 2;
    }
    int w = atoi(argv[1]), h = atoi(argv[2]);
    int fd = create(w, h);
    if (fd < 0) {
        fprintf(stderr, "kiosk-test-touch: uinput: %s\n", strerror(errno));
        return 1;
    }
    sleep(2); /* udev tags the device, SDL's hotplug monitor opens it */
    int rc;
    if (is_serve) {
        rc = serve(fd, argv[4]);
    } else {
        double held = strcmp(argv[3], "hold") == 0 ? atof(argv[6]) : 0.08;
        rc = gesture(fd, atoi(argv[4]), atoi(argv[5]), held);
        sleep(10); /* let SDL read the release before the device goes */
    }
    ioctl(fd, UI_DEV_DESTROY);
    close(fd);
    if (rc)
        fprintf(stderr, "kiosk-test-touch: %s\n", strerror(errno));
    return rc ? 1 : 0;
}
