#!/usr/bin/env python3
"""Boots the amd64 kiosk image under QEMU (TCG) and checks it like a visitor,
a staff member with a USB stick and a power cut would.   (make image-test)

Stdlib only. QMP (screendump, input-send-event, USB hot-plug, quit) drives
the machine; a TEST-ONLY root shell on a virtio console (injected into a
*copy* of the root partition with debugfs, never in the released image) reads
the journal and unit states. Artefacts: kiosk-image/out/test/.
"""
import argparse
import ipaddress
import os
import re
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
IMG = os.path.dirname(HERE)
REPO = os.path.dirname(IMG)
sys.path.insert(0, HERE)
import imgutil  # noqa: E402
from machine import H, W, Machine, log, prepare_disk, run  # noqa: E402

RESULTS = []
SERVICE_WATCHDOG_S = 10  # kiosk.service's WatchdogSec (the released value)
# Power-on to Home on the screen, under QEMU TCG on 2 shared cores, UEFI
# firmware included (measured 31-32 s; real hardware is several times faster).
HOME_BUDGET_S = 90


def check(name, ok, detail=''):
    RESULTS.append((name, bool(ok), detail))
    log(f'{"PASS" if ok else "FAIL"}: {name} {detail}')
    return ok



def render(kiosk, page, content, path):
    run([kiosk, 'render', '--page', page, '--size', f'{W}x{H}', '--content', content, '--out', path],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return imgutil.read_png(path)


def make_stick(path, files):
    if os.path.exists(path):
        os.unlink(path)
    run(['truncate', '-s', '32M', path])
    run(['mkfs.vfat', '-n', 'KIOSKUSB', path], stdout=subprocess.DEVNULL)
    for f in files:
        run(['mcopy', '-i', path, f, '::/'])


def _proc_addr(hexaddr):
    """'0100007F:1F90' (from /proc/net/tcp*) -> (IPv4Address('127.0.0.1'), 8080)."""
    ip, port = hexaddr.split(':')
    raw = bytes.fromhex(ip)
    if len(raw) == 16:  # four little-endian 32-bit words
        raw = b''.join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    else:
        raw = raw[::-1]
    return ipaddress.ip_address(raw), int(port, 16)


def check_fleet_sync(m, a):
    """kiosk-syncthing.service: running as its own user, hardened, listening on
    nothing but localhost, the sync port (TCP 22000) and local discovery (UDP 21027)."""
    active = ''
    for _ in range(60):
        active = m.shell.out('systemctl is-active kiosk-syncthing.service; true')
        # 22000 = 0x55F0, listening (state 0A)
        if active == 'active' and m.shell.out(
                'cat /proc/net/tcp /proc/net/tcp6 | grep -c ":55F0 .* 0A "; true') not in ('', '0'):
            break
        time.sleep(1)
    check('fleet sync (Syncthing) runs', active == 'active', active)
    procs = m.shell.out('cat /sys/fs/cgroup/system.slice/kiosk-syncthing.service/cgroup.procs; true').split()
    users = m.shell.out(' '.join(f'stat -c %U /proc/{p};' for p in procs) + ' true').split()
    check('fleet sync runs as kiosk-sync, not kiosk', users and set(users) == {'kiosk-sync'}, ' '.join(users))
    full = m.shell.out('SYSTEMD_COLORS=0 SYSTEMD_URLIFY=0 '
                       'systemd-analyze security kiosk-syncthing.service --no-pager 2>&1')
    # Belt and braces: drop colour (CSI) and hyperlink (OSC 8) escapes that
    # some systemd versions print whatever the environment says.
    full = re.sub(r'\x1b\[[0-9;]*m|\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)', '', full)
    open(os.path.join(a.out, 'security-syncthing.txt'), 'w').write(full)
    level = re.search(r'exposure level for kiosk-syncthing\.service: ([0-9.]+)', full)
    check('fleet sync hardened (systemd-analyze security <= 2.0)',
          level and float(level.group(1)) <= 2.0, level.group(0) if level else full[-200:])
    inodes = set(re.findall(r'socket:\[(\d+)\]', m.shell.out(
        ' '.join(f'ls -l /proc/{p}/fd 2>/dev/null;' for p in procs) + ' true')))
    # Local discovery (which the issue wants on) sends its IPv4 broadcast and
    # IPv6 multicast beacons from sockets bound to an ephemeral port (Go's
    # ListenUDP(nil)); Syncthing never reads them. They are allowed, by port
    # range, and named separately so a real listener can't hide among them.
    lo, hi = (int(v) for v in m.shell.out('cat /proc/sys/net/ipv4/ip_local_port_range').split())
    listening, bad, beacons = [], [], []
    for proto in ('tcp', 'tcp6', 'udp', 'udp6'):
        for line in m.shell.out(f'cat /proc/net/{proto}; true').splitlines()[1:]:
            cols = line.split()
            if len(cols) < 10 or cols[9] not in inodes:
                continue
            if proto.startswith('tcp') and cols[3] != '0A':
                continue  # connections, not listeners
            lip, lport = _proc_addr(cols[1])
            lip = getattr(lip, 'ipv4_mapped', None) or lip
            if proto.startswith('udp') and lo <= lport <= hi:
                beacons.append(f'{proto} {lip}:{lport}')
                continue
            listening.append(f'{proto} {lip}:{lport}')
            allowed = lip.is_loopback or lport == 22000 or \
                (proto.startswith('udp') and lport == 21027)
            if not allowed:
                bad.append(f'{proto} {lip}:{lport}')
    check('fleet sync listens only on localhost, the sync port 22000 (TCP, QUIC) and UDP 21027',
          listening and not bad,
          ' '.join(bad or listening) + (f'; beacon senders: {" ".join(beacons)}' if beacons else ''))
    gui = [entry for entry in listening if entry.endswith(':8384')]
    check('fleet sync GUI/REST on 127.0.0.1 only', gui and all('127.0.0.1' in g for g in gui), ' '.join(gui))


# ------------------------------------------------------------------ the test
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=os.path.join(IMG, 'out', 'amd64'))
    ap.add_argument('--out', default=os.path.join(IMG, 'out', 'test'))
    ap.add_argument('--kiosk', default=os.path.join(REPO, 'build-pkg', 'kiosk'),
                    help='host kiosk binary (references, keys, bundles)')
    ap.add_argument('--key', default=None, help='secret key matching the image\'s staff.pub')
    ap.add_argument('--boot-timeout', type=int, default=240)
    ap.add_argument('--arch', choices=('amd64', 'arm64'), default='amd64',
                    help='arm64: the Debian Pi image (--build out/rpi) on QEMU\'s virt board')
    ap.add_argument('--home-budget', type=int, default=HOME_BUDGET_S,
                    help='seconds from power-on to Home on the screen')
    ap.add_argument('--no-usb', action='store_true',
                    help='skip the USB stick and power-cut checks (first boot only)')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for f in os.listdir(a.out):  # artefacts of an earlier run would mislead
        if f.endswith(('.png', '.txt', '.log', '.fd', '.img', '.kiosk')):
            os.unlink(os.path.join(a.out, f))
    t_start = time.time()
    content = os.path.join(REPO, 'content')

    log('references')
    refs = os.path.join(a.out, 'ref')
    os.makedirs(refs, exist_ok=True)
    home = render(a.kiosk, 'home', content, os.path.join(refs, 'home.png'))
    finance = render(a.kiosk, 'finance', content, os.path.join(refs, 'finance.png'))

    # Bundles (need `kiosk keygen/bundle` and the image's key).
    have_update = not a.no_usb and subprocess.run([a.kiosk, 'bundle', '--help'], capture_output=True).returncode != 1 \
        and a.key and os.path.exists(a.key)
    sticks = {}
    if have_update:
        v2 = os.path.join(a.out, 'content-v2')
        shutil.rmtree(v2, ignore_errors=True)
        shutil.copytree(content, v2)
        ev = open(os.path.join(v2, 'event.yaml')).read()
        ev = ev.replace('version: 1', 'version: 2', 1).replace('2023港澳•浙江周"', '2023港澳•浙江周 第二版"', 1)
        open(os.path.join(v2, 'event.yaml'), 'w').write(ev)
        # One picture changes its bytes (not its pixels: JPEG ends at its EOI
        # marker), so the install brings a picture the store has not seen.
        with open(os.path.join(v2, 'pictures', 'aviation.jpg'), 'ab') as f:
            f.write(b'kiosk content version 2')
        home2 = render(a.kiosk, 'home', v2, os.path.join(refs, 'home-v2.png'))
        good = os.path.join(a.out, 'v2.kiosk')
        run([a.kiosk, 'bundle', v2, '--key', a.key, '--out', good, '--version', '2'])
        bad = os.path.join(a.out, 'tampered', 'v2.kiosk')
        os.makedirs(os.path.dirname(bad), exist_ok=True)
        data = bytearray(open(good, 'rb').read())
        data[len(data) // 2] ^= 0x01
        open(bad, 'wb').write(data)
        sticks['bad'] = os.path.join(a.out, 'stick-tampered.img')
        sticks['good'] = os.path.join(a.out, 'stick-v2.img')
        make_stick(sticks['bad'], [bad])
        make_stick(sticks['good'], [good])
    else:
        log('NOTE: USB checks skipped ' + ('(--no-usb)' if a.no_usb else
                                           '(kiosk keygen/bundle/import or --key unavailable)'))

    log('test disk')
    disk = prepare_disk(a.build, a.out, a.arch)
    m = Machine(disk, a.out, 'boot1')
    try:
        log('boot 1')
        m.start()
        film = []
        t, md, fr = m.wait_screen(home, a.boot_timeout, 'home', poll=0.5, film=film)
        for i, (ts, img) in enumerate(film):
            imgutil.write_png(img, os.path.join(a.out, f'boot1-film-{i:02d}-{ts:05.1f}s.png'))
        # From the moment the OS takes the screen over (the first black screen
        # after the firmware's logo and messages, which a PC's firmware always
        # shows and the Pi's is told not to) to Home: black only. No boot
        # text, no cursor, no console.
        shown = [(ts, imgutil.blank(img)) for ts, img in film[:-1] if (img.w, img.h) == (W, H)]
        os_from = next((i for i, (_, b) in enumerate(shown) if b and i > 0 and not shown[i - 1][1]), 0)
        lit = [f'{ts:.1f} s' for ts, b in shown[os_from:] if not b]
        firmware = [f'{ts:.1f} s' for ts, b in shown[:os_from] if not b]
        check('nothing but black from kernel to the first frame', not lit,
              f'{len(film)} different screens while booting (boot1-film-*.png); '
              f'firmware: {", ".join(firmware) or "none"}; lit after it: {", ".join(lit) or "none"}')
        check(f'home shown within {a.home_budget} s of power-on, without input',
              t is not None and t <= a.home_budget,
              f'in {t:.1f} s of QEMU start ({a.arch}, TCG), mean diff {md:.2f}, differing {fr:.3%}' if t else
              f'(not within {a.boot_timeout} s; last mean diff {md:.2f}, differing {fr:.3%})')
        if t is None:
            return finish(a, t_start)
        if not m.shell.connect(60):
            check('test shell', False)
            return finish(a, t_start)
        ready = m.shell.out('systemctl show -p ActiveEnterTimestampMonotonic --value kiosk.service')
        fw = m.shell.out('systemd-analyze 2>&1 | head -n1')
        check('kiosk READY (first frame) since kernel start', ready.isdigit() and int(ready) > 0,
              f'{int(ready) / 1e6:.1f} s' if ready.isdigit() else ready)
        log(f'systemd-analyze: {fw}')
        open(os.path.join(a.out, 'boot-times.txt'), 'w').write(
            f'qemu_start_to_home_s: {t}\nkernel_to_kiosk_ready_s: {int(ready) / 1e6 if ready.isdigit() else ready}\n'
            f'systemd-analyze: {fw}\n')

        opts = m.shell.out("findmnt -no OPTIONS /")
        rc, _ = m.shell.run('touch /kiosk-write-test')
        check('root is read-only', opts.split(',')[0] == 'ro' and rc != 0, opts)
        check('data partition mounted', 'kiosk-data' in m.shell.out('findmnt -no SOURCE,LABEL /var/lib/kiosk; lsblk -no LABEL $(findmnt -no SOURCE /var/lib/kiosk)'))
        failed = m.shell.out('systemctl --failed --no-legend --plain')
        check('no failed units', failed == '', failed)
        user = m.shell.out('stat -c %U /proc/$(systemctl show -p MainPID --value kiosk); '
                           'tr "\\0" " " </proc/$(systemctl show -p MainPID --value kiosk)/cmdline')
        check('kiosk runs as user kiosk', user.startswith('kiosk'), user.replace('\n', ' '))
        getty = m.shell.out("systemctl list-units --no-legend --plain --state=active '*getty*'; "
                            "grep -l getty /proc/[0-9]*/comm 2>/dev/null; true")
        check('no getty', getty == '', getty)
        wd = m.shell.out('cat /sys/class/watchdog/watchdog0/identity /sys/class/watchdog/watchdog0/timeout '
                         '/sys/class/watchdog/watchdog0/state 2>&1')
        check('hardware watchdog armed by PID 1', 'active' in wd, wd.replace('\n', ' '))
        sec = m.shell.out('systemd-analyze security kiosk.service --no-pager 2>&1 | tail -n 1')
        open(os.path.join(a.out, 'security.txt'), 'w').write(
            m.shell.out('systemd-analyze security kiosk.service --no-pager 2>&1'))
        log(f'systemd-analyze security: {sec}')
        check_fleet_sync(m, a)

        # Visitor with a keyboard: VT switch and Ctrl+Alt+Del do nothing.
        pid = m.shell.out('systemctl show -p MainPID --value kiosk')
        m.keys('ctrl', 'alt', 'f2')
        time.sleep(2)
        m.keys('ctrl', 'alt', 'delete')
        time.sleep(2)
        m.keys('alt', 'f3')
        time.sleep(3)
        img = m.screendump('after-vt-keys')
        ok, md, fr = imgutil.matches(img, home)
        pid2 = m.shell.out('systemctl show -p MainPID --value kiosk')
        vt = m.shell.out('cat /sys/class/tty/tty0/active')
        check('Ctrl+Alt+F2 / Alt+F3 / Ctrl+Alt+Del ignored', ok and pid == pid2 and vt == 'tty1',
              f'screen diff {md:.2f}, active {vt}, pid {pid}->{pid2}')

        # A tap opens an area.
        m.tap(171, 290)
        t2, md, fr = m.wait_screen(finance, 20, 'tap-finance', poll=0.5)
        check('tap on a tile opens the area', t2 is not None, f'mean diff {md:.2f}')
        if t2 is None:
            log(m.shell.out('journalctl -b -u kiosk --no-pager | tail -n 15'))
        m.tap(54, 25)  # 主頁 (Home) in the top bar
        t2, md, fr = m.wait_screen(home, 20, 'back-home', poll=0.5)
        check('tap on Home goes back', t2 is not None, f'mean diff {md:.2f}')

        # Freeze the app: the service watchdog (10 s) restarts it.
        pid = m.shell.out('systemctl show -p MainPID --value kiosk')
        m.shell.run(f'kill -STOP {pid}')
        t_freeze = time.time()
        newpid = pid
        while time.time() - t_freeze < SERVICE_WATCHDOG_S + 40:
            time.sleep(2)
            newpid = m.shell.out('systemctl show -p MainPID --value kiosk')
            if newpid not in (pid, '0') and m.shell.out('systemctl is-active kiosk') == 'active':
                break
        dt = time.time() - t_freeze
        t3, md, fr = m.wait_screen(home, 180, 'after-watchdog')
        jl = m.shell.out('journalctl -b -u kiosk --no-pager | grep -i watchdog | tail -n 2')
        check('frozen app restarted by the watchdog', newpid != pid and t3 is not None and 'atchdog' in jl,
              f'pid {pid}->{newpid} after {dt:.0f} s; {jl.splitlines()[-1] if jl else ""}')

        installed_at = ''  # set when a stick installs new content
        if have_update:
            # The app imports from /media/kiosk-usb itself and reports on screen.
            S = imgutil.STRICT
            m.plug(sticks['bad'], 'stick1')
            # The import's progress notice comes first; then visitors read one
            # neutral line (issue 11) for 16 s. The screenshot of that line is
            # kept for a person to read; the check is that it appeared and is
            # not the progress notice still on screen.
            progress = m.wait_change(home, 30, 'tampered-stick-progress')
            if m.shell.out("journalctl -b -u kiosk --no-pager -o cat | grep -c 'not updated'; true") != '0':
                progress = None  # already refused when caught: no progress frame to tell apart
            seen = m.wait_log('kiosk', 'not updated', 60)
            time.sleep(4)  # the UI shows the refusal within a frame or two (seconds under TCG)
            refusal = m.screendump('tampered-stick-refused')
            not_home = not imgutil.matches(refusal, home, mean_tol=0.5, frac_tol=0.002)[0]
            not_progress = progress is None or not imgutil.matches(
                refusal, progress, mean_tol=0.5, frac_tol=0.002)[0]
            check('refused stick: a notice for visitors, after the progress notice',
                  not_home and not_progress,
                  f'differs from Home: {not_home}, from the progress notice: {not_progress}; '
                  'see boot1-*-tampered-stick-refused.png')
            cur = m.shell.out('readlink /var/lib/kiosk/current; true')
            m.unplug('stick1')
            t_, md, fr = m.wait_screen(home, 60, 'tampered-stick-unplugged', tol=S)
            check('tampered bundle refused, content unchanged',
                  seen and cur == '' and t_ is not None,
                  f'current={cur!r}; same Home after unplug: {t_ is not None} (diff {md:.2f}); '
                  f'journal: {seen or "(no refusal logged)"}')
            installed_at = m.shell.out('date +%s')  # the pictures are warmed after this
            m.plug(sticks['good'], 'stick2')
            seen = m.wait_log('kiosk', 'updated to version', 90)
            t4, md, fr = m.wait_screen(home2, 60, 'v2-stick-plugged', tol=S)
            cur = m.shell.out('readlink /var/lib/kiosk/current; true')
            m.unplug('stick2')
            t5, _, _ = m.wait_screen(home2, 30, 'v2-after-unplug', tol=S)
            check('signed bundle switches the content on screen',
                  t4 is not None and t5 is not None and cur.endswith('2'),
                  f'current={cur!r}; v2 Home shown: {t4 is not None} (diff {md:.2f}), '
                  f'still after unplug: {t5 is not None}; journal: {seen}')
        failed = m.shell.out('systemctl --failed --no-legend --plain')
        check('no failed units at the end', failed == '', failed)
        # Everything above ran under the unit's memory cap (docs/performance.md, "Memory cap").
        cap = m.shell.out('systemctl show kiosk -p MemoryMax --value')
        peak = m.shell.out('cat /sys/fs/cgroup/system.slice/kiosk.service/memory.peak; true')
        check('kiosk ran under its memory cap',
              cap.isdigit() and int(cap) == 224 << 20 and (not peak.isdigit() or int(peak) < int(cap)),
              f'MemoryMax={cap}; cgroup memory.peak since the last restart: '
              f'{int(peak) >> 20 if peak.isdigit() else peak} MiB')
        # After the install, every picture of the new content was scaled for this screen
        # ahead of any visit and kept on the data partition by the kiosk user
        # (docs/performance.md, "Pictures warmed after an install"): a first visit reads it back.
        warm, kept = '', ''
        for _ in range(90):
            since = f'--since @{installed_at}' if installed_at else '-b'
            warm = m.shell.out(f"journalctl -u kiosk {since} --no-pager -o cat "
                               "| grep 'pictures for' | tail -n 1; true")
            if warm:
                break
            time.sleep(1)
        kept = m.shell.out("find /var/lib/kiosk/scaled-pictures -name '*.rgba' -user kiosk | wc -l; true")
        sizes = re.search(r'(\d+) sizes, (\d+) scaled now, (\d+) unreadable', warm)
        check('pictures warmed for the screen after the install',
              sizes is not None and sizes.group(3) == '0' and kept.isdigit()
              and int(kept) >= int(sizes.group(1)) > 24
              and (not installed_at or int(sizes.group(2)) >= 1),  # v2's changed picture
              f'journal: {warm!r}; {kept} entries in /var/lib/kiosk/scaled-pictures')
        # No RTC on a Pi: kiosk-clock-save.timer (1 min after boot, then every
        # 5 min) touches timesyncd's clock file on the data partition. Wait
        # for its first run, then the file must be at least that recent.
        clock = '/var/lib/systemd/timesync/clock'
        ran = ''
        for _ in range(45):
            ran = m.shell.out('systemctl show -p ExecMainExitTimestamp --value kiosk-clock-save.service')
            if ran:
                break
            time.sleep(2)
        res = m.shell.out('systemctl show -p Result --value kiosk-clock-save.service')
        lag = m.shell.out(f'echo $(( $(stat -c %Y {clock}) - $(date -d "{ran}" +%s) ))') if ran else ''
        check('clock saved on the data partition by the timer',
              ran != '' and res == 'success' and lag.lstrip('-').isdigit() and int(lag) >= -1,
              f'last save {ran or "never"} ({res}); clock file mtime - save time = {lag or "?"} s')
        m.save_journal()
        m.poweroff()

        if have_update:
            # Power cut in the middle of an import, then boot again.
            v3 = os.path.join(a.out, 'content-v3')
            shutil.rmtree(v3, ignore_errors=True)
            shutil.copytree(os.path.join(a.out, 'content-v2'), v3)
            ev = open(os.path.join(v3, 'event.yaml')).read().replace('version: 2', 'version: 3', 1)
            ev = ev.replace('第二版', '第三版', 1)
            open(os.path.join(v3, 'event.yaml'), 'w').write(ev)
            home3 = render(a.kiosk, 'home', v3, os.path.join(refs, 'home-v3.png'))
            b3 = os.path.join(a.out, 'v3.kiosk')
            run([a.kiosk, 'bundle', v3, '--key', a.key, '--out', b3, '--version', '3'])
            make_stick(os.path.join(a.out, 'stick-v3.img'), [b3])
            m = Machine(disk, a.out, 'boot2')
            m.start()
            t6, _, _ = m.wait_screen(home2, a.boot_timeout, 'home-v2', tol=imgutil.STRICT)
            check('v2 still shown after a reboot', t6 is not None)
            m.shell.connect(60)
            m.plug(os.path.join(a.out, 'stick-v3.img'), 'stick3')
            # Cut the power while the import is writing: wait until its staging
            # folder has something in it, then a random moment later.
            t_plug = time.time()
            busy = False
            while time.time() - t_plug < 60 and not busy:
                # (trash-* entries are old versions being deleted, not an import)
                busy = m.shell.out("ls -A /var/lib/kiosk/staging | grep -v '^trash-' | head -n 1") != ''
                if not busy:
                    time.sleep(0.2)
            delay = random.uniform(0.0, 1.0)
            time.sleep(delay)
            log(f'power cut {"%.1f s into the import" % delay if busy else "(import never seen)"}, '
                f'{time.time() - t_plug:.1f} s after plugging the v3 stick')
            m.kill()
            m = Machine(disk, a.out, 'boot3')
            m.start()
            end = time.time() + a.boot_timeout
            seen = None
            refs = {'v1': home, 'v2': home2, 'v3': home3}
            while time.time() < end and not seen:
                seen = imgutil.closest(m.screendump(), refs)
                time.sleep(1)
            m.screendump(f'after-power-cut-{seen}')
            m.shell.connect(60)
            cur = m.shell.out('readlink /var/lib/kiosk/current; true')
            st = m.shell.out('kiosk status --data /var/lib/kiosk 2>&1 | head -n 3')
            check('power cut mid-import: complete old or new version shown',
                  busy and seen in ('v2', 'v3') and cur.endswith(seen[1:]),
                  f'cut {delay:.1f} s into the import; showing {seen}, current={cur!r}; '
                  f'{" / ".join(st.splitlines())}')
            failed = m.shell.out('systemctl --failed --no-legend --plain')
            check('no failed units after the power cut', failed == '', failed)
            m.save_journal()
            m.poweroff()
    finally:
        m.kill()
    return finish(a, t_start)


def finish(a, t_start):
    dur = time.time() - t_start
    lines = [f'{"PASS" if ok else "FAIL"}  {n}  {d}' for n, ok, d in RESULTS]
    lines.append(f'duration_s: {dur:.0f}')
    open(os.path.join(a.out, 'results.txt'), 'w').write('\n'.join(lines) + '\n')
    print('\n'.join(lines))
    return 0 if RESULTS and all(ok for _, ok, _ in RESULTS) else 1


if __name__ == '__main__':
    sys.exit(main())
