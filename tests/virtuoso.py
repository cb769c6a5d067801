"""A private Virtuoso Open Source server for tests: free loopback ports, a temporary database.

``start_virtuoso(workdir)`` writes a ``virtuoso.ini``, starts ``virtuoso-t`` in the foreground,
waits until ``/sparql`` answers, grants SPARQL Update to the anonymous ``SPARQL`` user and
returns a :class:`Virtuoso` whose ``stop()`` ends it. Raises :class:`VirtuosoUnavailable` with
a reason when the binary is absent or the server does not come up (tests skip with it).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT_S = 90
SHARE = Path("/usr/share/virtuoso-opensource-7")
VSP = Path("/var/lib/virtuoso-opensource-7/vsp")

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., {d}, {share}/vad
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = {share}/vad/
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 50000000
MaxQueryMem = 500M
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {vsp}
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
EnabledGzipContent = 0

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[Replication]
ServerName = vgtest
ServerEnable = 1
QueueMax = 50000

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
DefaultQuery = select distinct ?Concept where {{[] a ?Concept}} LIMIT 100
DeferInferenceRulesInit = 0
"""

GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL";',
          "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")


class VirtuosoUnavailable(RuntimeError):
    """Virtuoso is not installed here or did not start (the reason is the message)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    proc: subprocess.Popen
    workdir: Path
    http_port: int
    sql_port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def log(self) -> str:
        p = self.workdir / "virtuoso.log"
        return p.read_text(errors="replace")[-2000:] if p.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def _answers(url: str) -> bool:
    data = urllib.parse.urlencode({"query": "ASK { }"}).encode()
    req = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def start_virtuoso(workdir: Path) -> Virtuoso:
    """Start a private server in ``workdir`` (see the module docstring)."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not exe or not isql:
        raise VirtuosoUnavailable("virtuoso-t / isql-vt not installed (apt-get install virtuoso-opensource)")
    workdir.mkdir(parents=True, exist_ok=True)
    http, sql = free_port(), free_port()
    (workdir / "virtuoso.ini").write_text(INI.format(d=workdir, sql=sql, http=http, share=SHARE, vsp=VSP))
    out = open(workdir / "stdout.log", "wb")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(workdir / "virtuoso.ini")],
                            cwd=workdir, stdout=out, stderr=subprocess.STDOUT)
    v = Virtuoso(proc, workdir, http, sql)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not _answers(v.url):
        if proc.poll() is not None or time.monotonic() > deadline:
            v.stop()
            raise VirtuosoUnavailable(f"virtuoso-t did not start (exit {proc.poll()}): {v.log()[-500:]}")
        time.sleep(0.5)
    for stmt in GRANTS:
        r = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={stmt}"],
                           capture_output=True, text=True, timeout=60)
        if r.returncode != 0 or "Error" in r.stdout:
            v.stop()
            raise VirtuosoUnavailable(f"cannot grant SPARQL update: {r.stdout[-300:]} {r.stderr[-300:]}")
    return v
