"""The QEMU machine the image tests drive: QMP (screendump, keys, USB
hot-plug, quit), a TEST-ONLY root shell on a virtio console, a virtual
touchscreen, and the test copy of a built image they boot.

Stdlib only. The test shell and the touchscreen helper are injected with
debugfs into a *copy* of the root partition, never into the released image.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import time

import imgutil

HERE = os.path.dirname(os.path.abspath(__file__))
IMG = os.path.dirname(HERE)
W, H = 1280, 720


def log(msg):
    print(f'[{time.strftime("%H:%M:%S")}] {msg}', flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# --------------------------------------------------------------------------- QMP
class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        self.f = self.sock.makefile('rwb')
        self._read()  # greeting
        self.cmd('qmp_capabilities')

    def _read(self):
        while True:
            line = self.f.readline()
            if not line:
                raise EOFError('QMP closed')
            msg = json.loads(line)
            if 'event' not in msg:
                return msg

    def cmd(self, name, **args):
        self.f.write(json.dumps({'execute': name, 'arguments': args}).encode() + b'\n')
        self.f.flush()
        r = self._read()
        if 'error' in r:
            raise RuntimeError(f'QMP {name}: {r["error"]}')
        return r.get('return')


# ------------------------------------------------------------------ test shell
class Shell:
    """Line protocol of the injected test shell: one command per line, output,
    then a line '@@RC=<n>@@'."""

    def __init__(self, path):
        self.path = path
        self.sock = None

    def connect(self, timeout=120):
        end = time.time() + timeout
        while time.time() < end:
            try:
                s = socket.socket(socket.AF_UNIX)
                s.connect(self.path)
                self.sock = s
                if self.run('echo hello', timeout=5)[1].strip().endswith('hello'):
                    return True
            except (OSError, TimeoutError):
                pass
            time.sleep(1)
        return False

    def run(self, cmd, timeout=60):
        """Runs `cmd`; returns (exit status, output). Each command echoes a
        fresh tag first and only what follows it counts: an answer left over
        from an earlier command that timed out (e.g. connect()'s first hello,
        sent before the guest shell was up) can never be taken for this one's."""
        self.seq = getattr(self, 'seq', 0) + 1
        tag = f'@@ID={self.seq}@@\n'
        self.sock.settimeout(timeout)
        self.sock.sendall(f'echo "{tag.strip()}"; {cmd}'.encode() + b'\n')
        buf = b''
        while True:
            text = buf.decode(errors='replace').replace('\r', '')
            start = text.find(tag)
            if start >= 0:
                m = re.search(r'@@RC=(\d+)@@', text[start + len(tag):])
                if m:
                    body = text[start + len(tag):][:m.start()]
                    return int(m.group(1)), body
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError('shell closed')
            buf += chunk

    def out(self, cmd, timeout=60):
        return self.run(cmd, timeout)[1].strip()


# ------------------------------------------------------------------ the machine
class Machine:
    """One QEMU (TCG) run of a test disk made by prepare_disk(). `boot` is what
    prepare_disk() returned: the disk, its architecture and, for arm64, the
    kernel, initrd and command line QEMU boots directly (the Pi's firmware
    cannot run in QEMU)."""

    def __init__(self, boot, outdir, name):
        self.boot, self.disk, self.out, self.name = boot, boot['disk'], outdir, name
        self.proc = None
        self.qmp = None
        self.shell = None
        self.shots = 0

    def start(self):
        self.qmp_path = os.path.join(self.out, 'qmp.sock')
        self.sh_path = os.path.join(self.out, 'shell.sock')
        for p in (self.qmp_path, self.sh_path):
            if os.path.exists(p):
                os.unlink(p)
        cmd = self._machine() + [
            '-drive', f'file={self.disk},format=raw,if=virtio,cache=unsafe',
            '-device', f'virtio-gpu-pci,xres={W},yres={H}',
            '-device', 'qemu-xhci,id=xhci',
            '-device', 'usb-kbd,bus=xhci.0',
            '-device', 'i6300esb', '-action', 'watchdog=reset',
            '-nic', 'none', '-display', 'none',
            '-serial', f'file:{os.path.join(self.out, self.name + "-serial.log")}',
            '-device', 'virtio-serial-pci',
            '-chardev', f'socket,id=sh,path={self.sh_path},server=on,wait=off',
            '-device', 'virtconsole,chardev=sh',
            '-qmp', f'unix:{self.qmp_path},server=on,wait=off']
        self.t0 = time.time()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(self.out, self.name + '-qemu.log'), 'w'),
                                     stderr=subprocess.STDOUT)
        self.qmp = Qmp(self.qmp_path)
        self.shell = Shell(self.sh_path)

    def _machine(self):
        if self.boot['arch'] == 'arm64':
            # Cortex-A72 = the Pi 4's core; QEMU's "virt" board, kernel booted directly.
            return ['qemu-system-aarch64', '-machine', 'virt', '-cpu', 'cortex-a72',
                    '-smp', '2', '-m', '2048', '-kernel', self.boot['kernel'],
                    '-initrd', self.boot['initrd'], '-append', self.boot['cmdline']]
        vars_fd = os.path.join(self.out, 'OVMF_VARS.fd')
        if not os.path.exists(vars_fd):
            shutil.copy('/usr/share/OVMF/OVMF_VARS_4M.fd', vars_fd)
        # Mesa's llvmpipe JIT crashes on QEMU 7.2's TCG AVX emulation: no AVX.
        cpu = os.environ.get('KIOSK_TEST_CPU', 'max,-avx,-avx2,-fma,-f16c,-avx512f')
        return ['qemu-system-x86_64', '-machine', 'q35,accel=tcg', '-cpu', cpu, '-smp', '2',
                '-m', '2048', '-vga', 'none',
                '-drive', 'if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd',
                '-drive', f'if=pflash,format=raw,file={vars_fd}']

    def screendump(self, label=None):
        p = os.path.join(self.out, 'screen.ppm')
        self.qmp.cmd('screendump', filename=p)
        img = imgutil.read_ppm(p)
        if label:
            self.shots += 1
            imgutil.write_png(img, os.path.join(self.out, f'{self.name}-{self.shots:02d}-{label}.png'))
        return img

    def wait_screen(self, ref, timeout, label, poll=1.0, tol=None, film=None):
        """Waits until the screen matches `ref`; returns seconds since QEMU start or None.
        `film`: a list that receives (seconds, image) for every different screen seen."""
        end = time.time() + timeout
        last = None
        while time.time() < end:
            try:
                img = self.screendump()
            except Exception:
                time.sleep(poll)
                continue
            if film is not None and (not film or imgutil.diff(img, film[-1][1])[0] > 0.5):
                film.append((time.time() - self.t0, img))
            ok, m, f = imgutil.matches(img, ref, **(tol or {}))
            last = (m, f)
            if ok:
                t = time.time() - self.t0
                self.screendump(label)
                return t, m, f
            time.sleep(poll)
        self.screendump(label + '-TIMEOUT')
        return None, *(last or (255, 1))

    def wait_change(self, ref, timeout, label, poll=0.5):
        """Waits until the screen no longer matches `ref` (a notice appeared);
        returns the image, or None after `timeout` s."""
        end = time.time() + timeout
        while time.time() < end:
            try:
                img = self.screendump()
            except Exception:
                time.sleep(poll)
                continue
            if not imgutil.matches(img, ref, mean_tol=0.5, frac_tol=0.002)[0]:
                self.screendump(label)
                return img
            time.sleep(poll)
        self.screendump(label + '-TIMEOUT')
        return None

    TOUCH_FIFO = '/run/kiosk-test-touch'

    def _touchscreen(self):
        """Starts the virtual touchscreen once per boot (touch-inject.c, serve
        mode): like a real panel it stays, so SDL always reads the release."""
        if self.shell.run(f'test -p {self.TOUCH_FIFO}', timeout=10)[0] == 0:
            return True
        self.shell.run(f'setsid kiosk-test-touch {W} {H} serve {self.TOUCH_FIFO} '
                       '</dev/null >/run/kiosk-test-touch.log 2>&1 &', timeout=10)
        rc, _ = self.shell.run(f'for i in $(seq 100); do test -p {self.TOUCH_FIFO} && exit 0; '
                               'sleep 0.1; done; exit 1', timeout=30)
        if rc != 0:
            log('touchscreen did not start: '
                + self.shell.out('cat /run/kiosk-test-touch.log'))
            return False
        # A press sent before SDL opened the device would be lost: wait until
        # the kiosk holds it open (SDL's udev hot-plug, read between frames).
        rc, out = self.shell.run(
            'for i in $(seq 60); do for e in /sys/class/input/event*; do '
            'grep -qs kiosk-test $e/device/name && d=/dev/input/${e##*/}; done; '
            'p=$(systemctl show -p MainPID --value kiosk); '
            '[ -n "$d" ] && ls -l /proc/$p/fd 2>/dev/null | grep -q "$d\\$" && exit 0; '
            'sleep 0.5; done; '
            'echo "kiosk has not opened $d"; exit 1', timeout=60)
        if rc != 0:
            log(out.strip())
        return True

    def tap(self, x, y):
        """A finger tap on the virtual touchscreen; returns once it is sent
        (the caller waits for the screen)."""
        if not self._touchscreen():
            return False
        rc, out = self.shell.run(f'echo "tap {x} {y}" > {self.TOUCH_FIFO}', timeout=30)
        if rc != 0:
            log(f'tap failed: {out.strip()}')
        return rc == 0

    def keys(self, *names):
        self.qmp.cmd('send-key', keys=[{'type': 'qcode', 'data': k} for k in names])

    def plug(self, stick_img, ident):
        self.qmp.cmd('blockdev-add', **{'node-name': ident, 'driver': 'raw', 'read-only': True,
                                        'file': {'driver': 'file', 'filename': stick_img, 'read-only': True}})
        self.qmp.cmd('device_add', driver='usb-storage', bus='xhci.0', drive=ident, id=ident)

    def unplug(self, ident):
        self.qmp.cmd('device_del', id=ident)
        time.sleep(2)
        try:
            self.qmp.cmd('blockdev-del', **{'node-name': ident})
        except RuntimeError:
            pass

    def wait_log(self, unit, pattern, timeout):
        """First journal line of `unit` (this boot) matching the extended regex
        `pattern` (case-insensitive), waiting up to `timeout` s; '' if none."""
        end = time.time() + timeout
        while time.time() < end:
            line = self.shell.out(f"journalctl -b -u {unit} --no-pager -o cat | grep -iE '{pattern}' | tail -n 1")
            if line:
                return line
            time.sleep(2)
        return ''

    def save_journal(self, suffix=''):
        try:
            j = self.shell.out('journalctl -b -o short-monotonic --no-pager', timeout=120)
            open(os.path.join(self.out, f'{self.name}-journal{suffix}.txt'), 'w').write(j)
            return j
        except Exception as e:  # noqa: BLE001
            return f'(no journal: {e})'

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def poweroff(self):
        try:
            self.qmp.cmd('quit')
        except Exception:  # noqa: BLE001
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()


# ------------------------------------------------------------------ preparation
TEST_SHELL_UNIT = """[Unit]
Description=TEST ONLY root shell on hvc0 (kiosk-image/test, never in a released image)
BindsTo=dev-hvc0.device
After=dev-hvc0.device
DefaultDependencies=no
[Service]
ExecStart=/usr/local/sbin/kiosk-test-shell
StandardInput=tty
StandardOutput=tty
TTYPath=/dev/hvc0
Restart=always
RestartSec=1
"""
TEST_SHELL = """#!/bin/sh
stty -echo -onlcr 2>/dev/null
while IFS= read -r cmd; do
    sh -c "$cmd" 2>&1
    echo "@@RC=$?@@"
done
"""


def sh(cmd):
    run(['bash', '-c', cmd])


def prepare_disk(build, out, arch='amd64'):
    """A test copy of the image built in `build`: the test shell and the
    touchscreen helper go into its root partition (debugfs), and the kernel
    command line gets a serial console. The released image is not touched.
    Returns the `boot` description Machine takes."""
    tmp = os.path.join(out, 'prep')
    os.makedirs(tmp, exist_ok=True)
    first = 'esp.img' if arch == 'amd64' else 'boot.img'
    for n in (first, 'root.img', 'data.img'):
        run(['cp', '--sparse=always', os.path.join(build, n), os.path.join(tmp, n)])
    open(os.path.join(tmp, 'unit'), 'w').write(TEST_SHELL_UNIT)
    open(os.path.join(tmp, 'shell'), 'w').write(TEST_SHELL)
    os.chmod(os.path.join(tmp, 'shell'), 0o755)
    cc = 'cc' if arch == 'amd64' else 'aarch64-linux-gnu-gcc'
    run([cc, '-O2', '-Wall', '-Wextra', '-Werror', '-o', os.path.join(tmp, 'touch'),
         os.path.join(HERE, 'touch-inject.c')])
    cmds = '\n'.join([
        f'write {tmp}/unit /etc/systemd/system/kiosk-test-shell.service',
        'cd /usr/local/sbin',
        f'write {tmp}/shell kiosk-test-shell',
        'sif /usr/local/sbin/kiosk-test-shell mode 0100755',
        'symlink /etc/systemd/system/multi-user.target.wants/kiosk-test-shell.service '
        '/etc/systemd/system/kiosk-test-shell.service',
        f'write {tmp}/touch kiosk-test-touch',
        'sif /usr/local/sbin/kiosk-test-touch mode 0100755', ''])
    run(['debugfs', '-w', '-f', '-', os.path.join(tmp, 'root.img')], input=cmds.encode(),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    disk = os.path.join(out, 'test-disk.img')
    boot = {'arch': arch, 'disk': disk}
    if arch == 'amd64':
        esp = os.path.join(tmp, 'esp.img')
        entry = subprocess.run(['mtype', '-i', esp, '::/loader/entries/kiosk.conf'],
                               check=True, capture_output=True, text=True).stdout
        entry = entry.replace('console=tty3', 'console=tty3 console=ttyS0,115200')
        open(os.path.join(tmp, 'kiosk.conf'), 'w').write(entry)
        run(['mcopy', '-o', '-i', esp, os.path.join(tmp, 'kiosk.conf'), '::/loader/entries/kiosk.conf'])
        sh(f'. {IMG}/lib.sh && assemble_disk gpt {disk} {esp} uefi {tmp}/root.img {tmp}/data.img')
    else:
        boot.update(arm64_boot(build, out))
        sh(f'. {IMG}/lib.sh && assemble_disk dos {disk} {tmp}/boot.img c {tmp}/root.img {tmp}/data.img')
    shutil.rmtree(tmp)
    return boot


def arm64_boot(build, out):
    """Kernel, initrd and command line of the Debian Pi image, for QEMU's
    virt board: the same kernel package (linux-image-arm64) the Pi boots."""
    boot = os.path.join(build, 'rootfs', 'boot')
    kver = sorted(f[len('vmlinuz-'):] for f in os.listdir(boot) if f.startswith('vmlinuz-'))[-1]
    kernel, initrd = os.path.join(out, 'vmlinuz'), os.path.join(out, 'initrd.img')
    shutil.copy(os.path.join(boot, f'vmlinuz-{kver}'), kernel)
    shutil.copy(os.path.join(boot, f'initrd.img-{kver}'), initrd)
    cmdline = subprocess.run(['mtype', '-i', os.path.join(build, 'boot.img'), '::/cmdline.txt'],
                             check=True, capture_output=True, text=True).stdout.strip()
    return {'kernel': kernel, 'initrd': initrd, 'cmdline': cmdline + ' console=ttyAMA0'}
