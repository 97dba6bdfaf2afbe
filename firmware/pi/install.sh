#!/bin/sh
# Installs the Dash Pi panel on Raspberry Pi OS: user, code in /opt/dash, config in
# /etc/dash-button, systemd unit. Run as root from a checkout: sudo firmware/pi/install.sh
# Re-running upgrades the code and keeps the config and the journal.
set -eu

SRC="$(cd "$(dirname "$0")/../.." && pwd)"
PREFIX=/opt/dash
CONF=/etc/dash-button

[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo $0)" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js 20+ is required: https://nodejs.org or apt install nodejs" >&2; exit 1; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' || { echo "Node.js 20+ is required" >&2; exit 1; }

MODEL="$(tr -d '\0' < /proc/device-tree/model 2>/dev/null || echo unknown)"
case "$MODEL" in
  *"Raspberry Pi 5"*) IO=gpiod; apt-get install -y gpiod ;;
  *"Raspberry Pi"*) IO=raspi ;;
  *) IO=keyboard; echo "not a Raspberry Pi ($MODEL): using the keyboard adapter" ;;
esac

id dash >/dev/null 2>&1 || useradd --system --home-dir /var/lib/dash-button --shell /usr/sbin/nologin dash
getent group gpio >/dev/null && usermod -aG gpio dash

mkdir -p "$PREFIX"
cp -r "$SRC/package.json" "$SRC/package-lock.json" "$SRC/tsconfig.json" "$SRC/gateway" "$SRC/firmware" "$PREFIX/"
cd "$PREFIX"
# The panel needs mqtt, zod, pino, tsx and johnny-five; dev tools are left out.
npm ci --omit=dev --ignore-scripts
[ "$IO" = raspi ] && npm install --no-save raspi-io

mkdir -p "$CONF"
if [ ! -f "$CONF/config.json" ]; then
  sed "s/\"kind\": \"raspi\"/\"kind\": \"$IO\"/" "$PREFIX/firmware/pi/config.example.json" > "$CONF/config.json"
  echo "edit $CONF/config.json (deviceId, secret, brokerUrl), then: systemctl restart dash-button"
fi
chown -R root:dash "$CONF" && chmod 0750 "$CONF" && chmod 0640 "$CONF/config.json"

cp "$PREFIX/firmware/pi/dash-button.service" /etc/systemd/system/dash-button.service
systemctl daemon-reload
systemctl enable --now dash-button
systemctl --no-pager status dash-button || true
