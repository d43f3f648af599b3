#!/usr/bin/env bash
# A one-machine Slurm cluster for the sweep tests, on loopback only, with its configuration and
# state under the folder given (the build directory): `local-slurm.sh start DIR` or `stop DIR`.
# munged runs as the munge user, a private instance; slurmctld and slurmd run
# as root with proctrack/linuxproc, task/none and no accounting. Prints SLURM_CONF=... on start.
set -euo pipefail
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
conf=$dir/slurm.conf

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

stop() {
  for name in slurmd slurmctld munged; do
    if [ -f "$dir/$name.pid" ]; then
      pid=$(cat "$dir/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
}

if [ "$action" = stop ]; then
  stop
  exit 0
fi

for tool in munged slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "not root: cannot run slurmd" >&2; exit 3; }

stop # daemons a killed earlier run left behind
rm -rf "$dir/state" "$dir/spool"
mkdir -p "$dir/state" "$dir/spool"
# A munged of its own (socket, key, log, seed under DIR), never the system's: another test run
# on the same machine, or a system cluster, can neither stop it nor be stopped by it.
munge_dir=$dir/munge
mkdir -p "$munge_dir"
dd if=/dev/urandom bs=1 count=1024 of="$munge_dir/munge.key" 2>/dev/null
chown -R munge:munge "$munge_dir"
chmod 0700 "$munge_dir"
chmod 0400 "$munge_dir/munge.key"
socket=$munge_dir/munge.socket
runuser -u munge -- /usr/sbin/munged --force --socket="$socket" --key-file="$munge_dir/munge.key" \
  --log-file="$munge_dir/munged.log" --pid-file="$munge_dir/munged.pid" \
  --seed-file="$munge_dir/munged.seed"
for _ in $(seq 50); do [ -f "$munge_dir/munged.pid" ] && break; sleep 0.1; done
cp "$munge_dir/munged.pid" "$dir/munged.pid"
if ! munge -S "$socket" -n 2>/dev/null | unmunge -S "$socket" >/dev/null 2>&1; then
  echo "munged did not answer on $socket; see $munge_dir/munged.log" >&2
  stop; exit 4
fi

cpus=$(nproc)
memory=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
cat > "$conf" <<CONF
ClusterName=bpsimtest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=bpsimnode NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=bpsim Nodes=bpsimnode Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
export SLURM_CONF=$conf
slurmctld -f "$conf" -i
for _ in $(seq 100); do scontrol ping >/dev/null 2>&1 && break; sleep 0.1; done
slurmd -f "$conf" -N bpsimnode
for _ in $(seq 200); do
  state=$(sinfo -h -n bpsimnode -o %T 2>/dev/null || true)
  case "$state" in idle*|mixed*|alloc*) break;; esac
  sleep 0.1
done
state=$(sinfo -h -n bpsimnode -o %T 2>/dev/null || true)
case "$state" in idle*|mixed*|alloc*) ;; *)
  echo "node did not come up (state '$state'); see $dir/slurmctld.log and $dir/slurmd.log" >&2
  stop; exit 4;;
esac
echo "SLURM_CONF=$conf"
