"""The project's AWS emulator for tests: moto 5.2.1 with the gaps our flow notices fixed in-process.

Run: python3 agentcore_emulator.py [--port N]   (port 0 = any free port)
Prints one line "EMULATOR READY <port>" on stdout once it answers, then serves until stdin closes or it is killed
(the Java fixture keeps stdin open, so the server dies with the JVM even without a shutdown hook).

What is patched, and why (each measured against the Java SDK 2.40.2 and the real services):
- CodeBuild: StartBuild/BatchGetBuilds answered ISO timestamp strings where the JSON protocol has epoch seconds;
  UpdateProject was missing; every build "succeeded" at once. Here a build actually reads its S3 source, interprets
  the buildspec (docker build needs the Dockerfile, docker push lands an image in the emulated ECR), writes its log
  to CloudWatch Logs, and shows IN_PROGRESS on its first poll.
- AgentCore control plane: runtimes got stuck in UPDATING, had no DEFAULT endpoint, and names, duplicates, roles and
  images were never checked. Here they are, as the real API does; ids and ARNs have AWS's shapes
  (<name>-<10 alnum>, ...:runtime/<id>), which clients parse.
- ECR: authorization tokens expired in 2015; they now last 12 hours.
- S3: x-amz-expected-bucket-owner was ignored; a wrong owner is now 403 AccessDenied, as on AWS.
- GET /_emulator/state: a JSON dump of everything a test may want to prove unchanged.
No switch changes what the client sees: the CLI talks to this exactly as to AWS.

Not emulated (known limits): IAM propagation delays; the DELETING state (deletes are immediate); the AgentCore data
plane (InvokeAgentRuntime); build timing (a build runs whole at StartBuild, each phase "takes" 1 s). Of buildspec
commands only echo, docker login/build/tag/push and exit/false mean something; anything else succeeds silently.
"""

import argparse
import hashlib
import io
import json
import logging
import posixpath
import re
import shlex
import sys
import threading
import time
import uuid
import zipfile
from urllib.parse import unquote

import yaml
from werkzeug.serving import make_server

import moto

if not moto.__version__.startswith("5.2."):
    sys.exit(f"moto {moto.__version__} found, but this emulator patches moto 5.2.x: "
             f"pip install 'moto[server]==5.2.1'")

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.core.exceptions import ServiceException
from moto.codebuild import responses as cb_responses
from moto.codebuild.exceptions import InvalidInputException, ResourceNotFoundException as CbNotFound
from moto.codebuild.models import codebuild_backends
from moto.bedrockagentcorecontrol import models as acc_models
from moto.bedrockagentcorecontrol.exceptions import ConflictException
from moto.ecr.models import ecr_backends
from moto.iam.models import iam_backends
from moto.logs.models import logs_backends
from moto.s3.models import s3_backends

LOCK = threading.RLock()


def _now():
    return time.time()


# ---------------------------------------------------------------------------------------------------------------
# CodeBuild


PHASE_ORDER = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
               "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]
BUILDSPEC_PHASES = {"INSTALL": "install", "PRE_BUILD": "pre_build", "BUILD": "build", "POST_BUILD": "post_build"}
VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")
IMAGE_REFERENCE = re.compile(r"^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
                             r"(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$")
ECR_HOST = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$")


def _builds(backend):
    """Our own build records live on the backend instance, so moto's /moto-api/reset clears them."""
    if not hasattr(backend, "_ac_builds"):
        backend._ac_builds = {}
    return backend._ac_builds


class StepFailed(Exception):
    def __init__(self, message, status="FAILED", code="COMMAND_EXECUTION_ERROR"):
        super().__init__(message)
        self.status = status
        self.code = code


class BuildRun:
    """Runs one build to its end at StartBuild time; clients see IN_PROGRESS on their first poll, then the end."""

    def __init__(self, backend, project, build_id, body):
        self.backend = backend
        self.account = backend.account_id
        self.region = backend.region_name
        self.project = project
        self.id = build_id
        self.body = body
        self.lines = []
        self.polls = 0
        self.local_images = set()
        self.env = {}
        self.source_zip = None

    # -- the record as the API shows it
    def start(self):
        meta = self.project.project_metadata
        source = dict(meta.get("source") or {})
        location = self.body.get("sourceLocationOverride") or source.get("location")
        if location:
            source["location"] = location
        if self.body.get("sourceTypeOverride"):
            source["type"] = self.body["sourceTypeOverride"]
        if self.body.get("buildspecOverride"):
            source["buildspec"] = self.body["buildspecOverride"]
        environment = json.loads(json.dumps(meta.get("environment") or {}))
        variables = list(environment.get("environmentVariables") or [])
        for override in self.body.get("environmentVariablesOverride") or []:
            variables = [v for v in variables if v.get("name") != override.get("name")] + [override]
        environment["environmentVariables"] = variables
        self.env = {"AWS_DEFAULT_REGION": self.region, "AWS_REGION": self.region,
                    "CODEBUILD_BUILD_ID": self.id, "CODEBUILD_BUILD_ARN": self.arn(),
                    "CODEBUILD_SRC_DIR": "/codebuild/output/src/src", "HOME": "/root"}
        for v in variables:
            self.env[v.get("name")] = str(v.get("value", ""))
        self.started = _now()
        self.stream = self.id.split(":", 1)[1]
        self.group = "/aws/codebuild/" + self.project.project_metadata["name"]
        logs_config = (meta.get("logsConfig") or {}).get("cloudWatchLogs") or {}
        if logs_config.get("groupName"):
            self.group = logs_config["groupName"]
        if logs_config.get("streamName"):
            self.stream = logs_config["streamName"] + "/" + self.stream
        self.record = {
            "id": self.id, "arn": self.arn(), "buildNumber": len(_builds(self.backend)) + 1,
            "startTime": self.started, "currentPhase": "QUEUED", "buildStatus": "IN_PROGRESS",
            "projectName": meta["name"], "source": source, "secondarySources": [],
            "artifacts": {"location": ""}, "environment": environment,
            "serviceRole": meta.get("serviceRole"), "timeoutInMinutes": meta.get("timeoutInMinutes") or 60,
            "queuedTimeoutInMinutes": meta.get("queuedTimeoutInMinutes") or 480, "buildComplete": False,
            "initiator": "agentcore-emulator", "encryptionKey": meta.get("encryptionKey"),
            "logs": {"groupName": self.group, "streamName": self.stream,
                     "deepLink": f"https://console.aws.amazon.com/cloudwatch/home?region={self.region}"
                                 f"#logEvent:group={self.group};stream={self.stream}",
                     "cloudWatchLogsArn": f"arn:aws:logs:{self.region}:{self.account}:log-group:{self.group}"
                                          f":log-stream:{self.stream}",
                     "cloudWatchLogs": {"status": "ENABLED"}},
            "phases": [{"phaseType": "SUBMITTED", "phaseStatus": "SUCCEEDED", "startTime": self.started,
                        "endTime": self.started, "durationInSeconds": 0},
                       {"phaseType": "QUEUED", "startTime": self.started}],
        }
        self.final = self._run()
        return self.record

    def arn(self):
        return f"arn:aws:codebuild:{self.region}:{self.account}:build/{self.id}"

    def view(self, count_poll=True):
        """First poll: queued/in progress. Later polls: the final record."""
        if count_poll:
            self.polls += 1
        if self.polls <= 1:
            return self.record
        return self.final

    # -- running
    def log(self, text):
        for line in str(text).splitlines() or [""]:
            self.lines.append(line)

    def _run(self):
        t = self.started
        phases = [{"phaseType": "SUBMITTED", "phaseStatus": "SUCCEEDED", "startTime": t, "endTime": t,
                   "durationInSeconds": 0},
                  {"phaseType": "QUEUED", "phaseStatus": "SUCCEEDED", "startTime": t, "endTime": t,
                   "durationInSeconds": 0}]
        status = "SUCCEEDED"
        failed = False
        self.log(f"[Container] {time.strftime('%Y/%m/%d %H:%M:%S')} Running on CodeBuild (agentcore emulator)")
        for phase in PHASE_ORDER[2:]:
            if failed and phase not in ("FINALIZING", "COMPLETED"):
                continue
            if phase == "COMPLETED":
                phases.append({"phaseType": "COMPLETED", "startTime": t})
                break
            entry = {"phaseType": phase, "startTime": t}
            try:
                self._phase(phase)
                entry["phaseStatus"] = "SUCCEEDED"
                entry["contexts"] = [{"statusCode": "", "message": ""}]
                if phase in BUILDSPEC_PHASES:
                    self.log(f"[Container] Phase complete: {phase} State: SUCCEEDED")
            except StepFailed as e:
                failed = True
                status = "FAILED"
                entry["phaseStatus"] = e.status
                entry["contexts"] = [{"statusCode": e.code, "message": str(e)}]
                self.log(f"[Container] Phase complete: {phase} State: {e.status}")
                self.log(f"[Container] Phase context status code: {e.code} Message: {e}")
            except Exception as e:  # an emulator bug: show it as the service's own fault, not as an HTTP 500
                failed = True
                status = "FAULT"
                entry["phaseStatus"] = "FAULT"
                entry["contexts"] = [{"statusCode": "INTERNAL_ERROR", "message": f"emulator error: {e!r}"}]
                self.log(f"[Container] emulator error in {phase}: {e!r}")
            t += 1
            entry["endTime"] = t
            entry["durationInSeconds"] = 1
            phases.append(entry)
        self._write_log()
        final = json.loads(json.dumps(self.record))
        final["phases"] = phases
        final["currentPhase"] = "COMPLETED"
        final["buildStatus"] = status
        final["buildComplete"] = True
        final["endTime"] = t
        self.record["currentPhase"] = "PROVISIONING"
        self.record["phases"][1] = phases[1]
        self.record["phases"].append({"phaseType": "PROVISIONING", "startTime": self.started})
        return final

    def _phase(self, phase):
        if phase == "DOWNLOAD_SOURCE":
            self._download_source()
        elif phase in BUILDSPEC_PHASES:
            spec = self._buildspec()
            for key, value in (spec.get("env", {}).get("variables") or {}).items():
                self.env[key] = self.expand(str(value))
            section = (spec.get("phases") or {}).get(BUILDSPEC_PHASES[phase]) or {}
            if BUILDSPEC_PHASES[phase] == "build" or section:
                self.log(f"[Container] Entering phase {phase}")
            for command in section.get("commands") or []:
                self.log(f"[Container] Running command {command}")
                self._command(str(command))

    def _download_source(self):
        source = self.record["source"]
        if source.get("type") != "S3":
            return
        location = source.get("location", "")
        bucket, _, key = location.partition("/")
        s3 = s3_backends[self.account]["aws"]
        obj = None
        try:
            obj = s3.get_object(bucket, key)
        except Exception:
            obj = None
        if obj is None:
            raise StepFailed(f"error while downloading key {key}, error: NoSuchKey: The specified key does not "
                             f"exist. for primary source and source version {bucket}/{key}",
                             status="CLIENT_ERROR", code="CLIENT_ERROR")
        try:
            self.source_zip = zipfile.ZipFile(io.BytesIO(bytes(obj.value)))
            self.source_digest = hashlib.sha256(bytes(obj.value)).hexdigest()
        except zipfile.BadZipFile:
            raise StepFailed(f"zip: not a valid zip file: s3://{location}", status="CLIENT_ERROR",
                             code="CLIENT_ERROR")

    def _buildspec(self):
        if hasattr(self, "_spec"):
            return self._spec
        text = self.record["source"].get("buildspec") or "buildspec.yml"
        if "\n" not in text.strip() and self.source_zip is not None and text.strip() in self.source_zip.namelist():
            text = self.source_zip.read(text.strip()).decode("utf-8")
        try:
            self._spec = yaml.safe_load(text) or {}
        except yaml.YAMLError as e:
            raise StepFailed(f"YAML_FILE_ERROR: {e}", code="YAML_FILE_ERROR")
        if not isinstance(self._spec, dict):
            raise StepFailed("YAML_FILE_ERROR: buildspec is not a map", code="YAML_FILE_ERROR")
        return self._spec

    def expand(self, text):
        return VAR.sub(lambda m: self.env.get(m.group(1) or m.group(2), ""), text)

    def _command(self, command):
        expanded = self.expand(command)
        if "get-login-password" in expanded or "docker login" in expanded:
            self.log("Login Succeeded")
            return
        try:
            argv = shlex.split(expanded)
        except ValueError:
            argv = expanded.split()
        if not argv:
            return
        if argv[0] == "echo":
            self.log(" ".join(argv[1:]))
        elif argv[0] == "docker" and len(argv) > 1 and argv[1] in ("build", "buildx"):
            self._docker_build(argv[2:] if argv[1] == "build" else argv[3:])
        elif argv[0] == "docker" and len(argv) > 1 and argv[1] == "tag":
            if len(argv) < 4 or self._norm(argv[2]) not in self.local_images:
                self._fail(command, f"Error response from daemon: No such image: {argv[2] if len(argv) > 2 else ''}")
            self.local_images.add(self._norm(argv[3]))
        elif argv[0] == "docker" and len(argv) > 1 and argv[1] == "push":
            self._docker_push(command, argv[2:])
        elif argv[0] in ("exit", "false") and (argv[0] == "false" or argv[1:2] != ["0"]):
            self._fail(command, "")
        # anything else (pip, ls, date, ...) succeeds silently, as it would on the build host

    def _fail(self, command, message):
        if message:
            self.log(message)
        raise StepFailed(f"Error while executing command: {command}. Reason: exit status 1")

    @staticmethod
    def _norm(image):
        last = image.rsplit("/", 1)[-1]
        return image if (":" in last or "@" in last) else image + ":latest"

    def _docker_build(self, args):
        tags, dockerfile, context, i = [], None, None, 0
        while i < len(args):
            a = args[i]
            if a in ("-t", "--tag"):
                tags.append(args[i + 1]); i += 2; continue
            if a in ("-f", "--file"):
                dockerfile = args[i + 1]; i += 2; continue
            if a.startswith("--tag="):
                tags.append(a[6:])
            elif a.startswith("--file="):
                dockerfile = a[7:]
            elif a in ("--platform", "--build-arg", "--target", "--label"):
                i += 2; continue
            elif not a.startswith("-"):
                context = a
            i += 1
        # the working directory is the zip's root; -f is relative to it, the default Dockerfile to the context
        context = posixpath.normpath((context or ".").strip())
        path = posixpath.normpath(dockerfile) if dockerfile else posixpath.join(context, "Dockerfile")
        path = posixpath.normpath(path).lstrip("/")
        for tag in tags:
            if not IMAGE_REFERENCE.match(tag):
                self.log(f'ERROR: invalid tag "{tag}": invalid reference format')
                raise StepFailed("Error while executing command: docker build. Reason: exit status 1")
        names = set(self.source_zip.namelist()) if self.source_zip is not None else set()
        if path not in names:
            self.log("#0 building with \"default\" instance using docker driver")
            self.log(f"ERROR: failed to solve: failed to read dockerfile: open {path}: no such file or directory")
            raise StepFailed(f"Error while executing command: docker build. Reason: exit status 1")
        dockerfile_text = self.source_zip.read(path)
        self.built_digest = hashlib.sha256(dockerfile_text + self.source_digest.encode()).hexdigest()
        for line in dockerfile_text.decode("utf-8", "replace").splitlines():
            if line.strip() and not line.strip().startswith("#"):
                self.log(f"Step: {line.strip()}")
        self.log(f"Successfully built {self.built_digest[:12]}")
        for tag in tags:
            self.local_images.add(self._norm(tag))
            self.log(f"Successfully tagged {tag}")

    def _docker_push(self, command, args):
        images = [a for a in args if not a.startswith("-")]
        if not images:
            self._fail(command, "\"docker push\" requires exactly 1 argument.")
        image = self._norm(images[0])
        if image not in self.local_images:
            self._fail(command, f"An image does not exist locally with the tag: {images[0]}")
        host, _, rest = image.partition("/")
        repo, _, tag = rest.rpartition(":")
        m = ECR_HOST.match(host)
        if not m:
            self._fail(command, f"Get \"https://{host}/v2/\": dial tcp: lookup {host}: no such host")
        registry, region = m.group(1), m.group(2)
        ecr = ecr_backends[registry][region]
        if repo not in ecr.repositories:
            self.log(f"The push refers to repository [{host}/{repo}]")
            self._fail(command, f"name unknown: The repository with name '{repo}' does not exist in the registry "
                                f"with id '{registry}'")
        self.log(f"The push refers to repository [{host}/{repo}]")
        layer = "sha256:" + self.built_digest
        manifest = json.dumps({
            "schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1024,
                       "digest": "sha256:" + hashlib.sha256(layer.encode()).hexdigest()},
            "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 2048,
                        "digest": layer}]}, sort_keys=True)
        try:
            image_obj = ecr.put_image(repo, manifest, tag)
        except Exception as e:  # e.g. an immutable tag that already exists
            self._fail(command, f"tag invalid: {getattr(e, 'message', e)}")
        self.log(f"{tag}: digest: {image_obj.image_digest} size: 529")

    def _write_log(self):
        logs = logs_backends[self.account][self.region]
        logs.ensure_log_group(self.group)
        group = logs.groups[self.group]
        if self.stream not in group.streams:
            group.create_log_stream(self.stream)
        ms = int(self.started * 1000)
        group.put_log_events(self.stream, [{"timestamp": ms + i, "message": line}
                                           for i, line in enumerate(self.lines)])


def _cb_start_build(self):
    name = self._get_param("projectName")
    backend = self.codebuild_backend
    with LOCK:
        project = backend.codebuild_projects.get(name)
        if project is None:
            raise CbNotFound(f"Project cannot be found: arn:aws:codebuild:{self.region}:{self.current_account}"
                             f":project/{name}")
        build_id = f"{name}:{uuid.uuid4()}"
        run = BuildRun(backend, project, build_id, json.loads(self.body or "{}"))
        record = run.start()
        _builds(backend)[build_id] = run
        backend.build_history.setdefault(name, []).append(build_id)
        return json.dumps({"build": record})


def _cb_batch_get_builds(self):
    ids = self._get_param("ids") or []
    for build_id in ids:
        if ":" not in build_id:
            raise InvalidInputException("Invalid build ID provided")
    with LOCK:
        runs = _builds(self.codebuild_backend)
        found = [runs[i].view() for i in ids if i in runs]
        missing = [i for i in ids if i not in runs]
    return json.dumps({"builds": found, "buildsNotFound": missing})


def _cb_list_builds_for_project(self):
    name = self._get_param("projectName")
    backend = self.codebuild_backend
    if name not in backend.codebuild_projects:
        raise CbNotFound(f"The provided project arn:aws:codebuild:{self.region}:{self.current_account}"
                         f":project/{name} does not exist")
    ids = list(backend.build_history.get(name, []))
    if (self._get_param("sortOrder") or "DESCENDING") == "DESCENDING":
        ids.reverse()
    return json.dumps({"ids": ids})


def _cb_list_builds(self):
    ids = [i for history in self.codebuild_backend.build_history.values() for i in history]
    ids.reverse()
    return json.dumps({"ids": ids})


def _cb_update_project(self):
    name = self._get_param("name")
    backend = self.codebuild_backend
    project = backend.codebuild_projects.get(name)
    if project is None:
        raise CbNotFound(f"Project cannot be found: arn:aws:codebuild:{self.region}:{self.current_account}"
                         f":project/{name}")
    meta = project.project_metadata
    body = json.loads(self.body or "{}")
    for field in ("description", "source", "artifacts", "environment", "cache", "timeoutInMinutes",
                  "queuedTimeoutInMinutes", "sourceVersion", "logsConfig", "vpcConfig", "serviceRole"):
        if field in body:
            meta[field] = body[field]
    if "tags" in body:
        meta["tags"] = body["tags"]
        project.tags = body["tags"]
    meta["lastModifiedDate"] = _now()
    return json.dumps({"project": meta})


def _cb_batch_get_projects(self):
    names = self._get_param("names") or []
    found = self.codebuild_backend.batch_get_projects(names)
    found_names = {p["name"] for p in found} | {p["arn"] for p in found}
    return json.dumps({"projects": found, "projectsNotFound": [n for n in names if n not in found_names]})


def _cb_stop_build(self):
    build_id = self._get_param("id")
    with LOCK:
        run = _builds(self.codebuild_backend).get(build_id)
        if run is None:
            raise CbNotFound(f"Build {build_id} does not exist")
        return json.dumps({"build": run.view(count_poll=False)})


cb_responses.CodeBuildResponse.start_build = _cb_start_build
cb_responses.CodeBuildResponse.batch_get_builds = _cb_batch_get_builds
cb_responses.CodeBuildResponse.list_builds_for_project = _cb_list_builds_for_project
cb_responses.CodeBuildResponse.list_builds = _cb_list_builds
cb_responses.CodeBuildResponse.update_project = _cb_update_project
cb_responses.CodeBuildResponse.batch_get_projects = _cb_batch_get_projects
cb_responses.CodeBuildResponse.stop_build = _cb_stop_build


# ---------------------------------------------------------------------------------------------------------------
# AgentCore control plane


class ValidationException(ServiceException):
    code = "ValidationException"
    reason = "FieldValidationFailed"


NAME_RULE = re.compile(r"^[a-zA-Z][a-zA-Z0-9_]{0,47}$")
SERVICE_PRINCIPAL = "bedrock-agentcore.amazonaws.com"
IMAGE_URI = re.compile(r"^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]+))?$")


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _role_assumable(account, role_arn):
    """True when the role exists and its trust policy lets the AgentCore service assume it."""
    try:
        role = iam_backends[account]["aws"].get_role_by_arn(role_arn)
    except Exception:
        return False
    try:
        doc = json.loads(unquote(role.assume_role_policy_document)
                         if role.assume_role_policy_document.lstrip().startswith("%")
                         else role.assume_role_policy_document)
    except (ValueError, AttributeError):
        return False
    for statement in _as_list(doc.get("Statement")):
        if statement.get("Effect") != "Allow":
            continue
        actions = _as_list(statement.get("Action"))
        if not any(a in ("sts:AssumeRole", "sts:*", "*") for a in actions):
            continue
        principal = statement.get("Principal") or {}
        services = _as_list(principal.get("Service")) if isinstance(principal, dict) else []
        if SERVICE_PRINCIPAL in services or principal == "*":
            return True
    return False


def _image_problem(artifact):
    """None when the container image exists in the emulated ECR, else the reason the service would give."""
    uri = ((artifact or {}).get("containerConfiguration") or {}).get("containerUri")
    if not uri:
        return None if (artifact or {}).get("codeConfiguration") else "agentRuntimeArtifact has no containerUri"
    m = IMAGE_URI.match(uri)
    if not m:
        return f"Invalid container URI {uri}: only Amazon ECR images are supported"
    registry, region, repo, tag, digest = m.groups()
    ecr = ecr_backends[registry][region]
    repository = ecr.repositories.get(repo)
    if repository is None:
        return f"Failed to pull image {uri}: repository {repo} not found"
    for image in repository.images:
        if digest and image.image_digest == digest:
            return None
        if not digest and (tag or "latest") in image.image_tags:
            return None
    return f"Failed to pull image {uri}: image not found in ECR"


def _check_role(account, role_arn):
    if not _role_assumable(account, role_arn):
        raise ValidationException(f"Role validation failed for '{role_arn}'. Please verify that the role exists "
                                  f"and its trust policy allows assumption by this service")


def _settle(obj, final, failure=None):
    """The object shows its transitional status on its first read, then `final`."""
    obj._ac_final = final
    obj._ac_failure = failure
    obj._ac_reads = 0


def _status_get(self):
    final = getattr(self, "_ac_final", None)
    if final is not None and getattr(self, "_ac_reads", 0) >= 2:
        self._status = final
        self._ac_final = None
    return self._status


def _status_set(self, value):
    self._status = value


def _advance(self):
    self._ac_reads = getattr(self, "_ac_reads", 0) + 1


for _cls in (acc_models.AgentRuntime, acc_models.AgentRuntimeEndpoint):
    _cls.status = property(_status_get, _status_set)
    _cls.advance = _advance

_orig_create_runtime = acc_models.BedrockAgentCoreControlBackend.create_agent_runtime
_orig_update_runtime = acc_models.BedrockAgentCoreControlBackend.update_agent_runtime


ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _real_identity(backend, runtime):
    """AWS names a runtime <name>-<10 letters/digits> with ARN ...:runtime/<id> (moto: a<hex>-<hex>, agent/<uuid>:1);
    clients parse the id out of the ARN, so the shape matters."""
    import random
    old_id, old_arn = runtime.agent_runtime_id, runtime.agent_runtime_arn
    new_id = runtime.agent_runtime_name + "-" + "".join(random.choice(ID_CHARS) for _ in range(10))
    new_arn = f"arn:aws:bedrock-agentcore:{backend.region_name}:{backend.account_id}:runtime/{new_id}"
    runtime.agent_runtime_id = new_id
    runtime.agent_runtime_arn = new_arn
    for version in runtime.versions:
        version["agentRuntimeId"] = new_id
        version["agentRuntimeArn"] = new_arn
    runtime.workload_identity_details = {
        "workloadIdentityArn": f"arn:aws:bedrock-agentcore:{backend.region_name}:{backend.account_id}"
                               f":workload-identity-directory/default/workload-identity/{new_id}"}
    backend.agent_runtimes.pop(old_id, None)
    backend.agent_runtimes[new_id] = runtime
    tags = backend.tagger.list_tags_for_resource(old_arn).get("Tags", [])
    if tags:
        backend.tagger.tag_resource(new_arn, tags)
        backend.tagger.delete_all_tags_for_resource(old_arn)


def _create_runtime(self, agent_runtime_name, agent_runtime_artifact, role_arn, **kwargs):
    with LOCK:
        if not isinstance(agent_runtime_name, str) or not NAME_RULE.match(agent_runtime_name):
            raise ValidationException(f"1 validation error detected: Value '{agent_runtime_name}' at "
                                      f"'agentRuntimeName' failed to satisfy constraint: Member must satisfy "
                                      f"regular expression pattern: [a-zA-Z][a-zA-Z0-9_]{{0,47}}")
        if any(r.agent_runtime_name == agent_runtime_name for r in self.agent_runtimes.values()):
            raise ConflictException(f"An agent with the specified name already exists: {agent_runtime_name}")
        _check_role(self.account_id, role_arn)
        runtime = _orig_create_runtime(self, agent_runtime_name=agent_runtime_name,
                                       agent_runtime_artifact=agent_runtime_artifact, role_arn=role_arn, **kwargs)
        _real_identity(self, runtime)
        problem = _image_problem(agent_runtime_artifact)
        runtime._status = "CREATING"
        _settle(runtime, "CREATE_FAILED" if problem else "READY", problem)
        endpoint = self.create_agent_runtime_endpoint(runtime.agent_runtime_id, "DEFAULT", None, None, None)
        endpoint.agent_runtime_endpoint_arn = f"{runtime.agent_runtime_arn}/runtime-endpoint/DEFAULT"
        endpoint._status = "CREATING"
        _settle(endpoint, "CREATE_FAILED" if problem else "READY", problem)
        return runtime


def _update_runtime(self, agent_runtime_id, agent_runtime_artifact, role_arn, **kwargs):
    with LOCK:
        self._get_runtime(agent_runtime_id)
        _check_role(self.account_id, role_arn)
        runtime = self._get_runtime(agent_runtime_id)
        real_arn = runtime.agent_runtime_arn
        # moto rebuilds its own ARN form on update ("agent/<uuid>:<version>"): hand it that form, then restore ours
        runtime.agent_runtime_arn = f"arn:aws:bedrock-agentcore:{self.region_name}:{self.account_id}:agent/x:1"
        runtime = _orig_update_runtime(self, agent_runtime_id=agent_runtime_id,
                                       agent_runtime_artifact=agent_runtime_artifact, role_arn=role_arn, **kwargs)
        runtime.agent_runtime_arn = real_arn
        runtime.versions[-1]["agentRuntimeArn"] = real_arn
        problem = _image_problem(agent_runtime_artifact)
        runtime._status = "UPDATING"
        _settle(runtime, "UPDATE_FAILED" if problem else "READY", problem)
        endpoint = self.agent_runtime_endpoints.get((agent_runtime_id, "DEFAULT"))
        if endpoint is not None:
            endpoint._status = "UPDATING"
            endpoint.target_version = runtime.agent_runtime_version
            if not problem:
                endpoint.live_version = runtime.agent_runtime_version
            endpoint.last_updated_at = runtime.last_updated_at
            _settle(endpoint, "UPDATE_FAILED" if problem else "READY", problem)
        return runtime


acc_models.BedrockAgentCoreControlBackend.create_agent_runtime = _create_runtime
acc_models.BedrockAgentCoreControlBackend.update_agent_runtime = _update_runtime

from moto.bedrockagentcorecontrol import responses as acc_responses  # noqa: E402

_orig_get_runtime_resp = acc_responses.BedrockAgentCoreControlResponse.get_agent_runtime
_orig_get_endpoint_resp = acc_responses.BedrockAgentCoreControlResponse.get_agent_runtime_endpoint


def _with_failure(result, obj):
    status = getattr(obj, "_status", None)
    if status in ("CREATE_FAILED", "UPDATE_FAILED") and getattr(obj, "_ac_failure", None):
        result.result["failureReason"] = obj._ac_failure
    return result


def _get_runtime_resp(self):
    result = _orig_get_runtime_resp(self)
    runtime = self.backend.agent_runtimes.get(self._get_param("agentRuntimeId"))
    return _with_failure(result, runtime) if runtime is not None else result


def _get_endpoint_resp(self):
    result = _orig_get_endpoint_resp(self)
    key = (self._get_param("agentRuntimeId"), self._get_param("endpointName"))
    endpoint = self.backend.agent_runtime_endpoints.get(key)
    if endpoint is not None:
        result.result["liveVersion"] = endpoint.live_version
        result.result["targetVersion"] = endpoint.target_version
        return _with_failure(result, endpoint)
    return result


acc_responses.BedrockAgentCoreControlResponse.get_agent_runtime = _get_runtime_resp
acc_responses.BedrockAgentCoreControlResponse.get_agent_runtime_endpoint = _get_endpoint_resp


# ---------------------------------------------------------------------------------------------------------------
# ECR

from moto.ecr import responses as ecr_responses  # noqa: E402

_orig_get_authorization_token = ecr_responses.ECRResponse.get_authorization_token


def _get_authorization_token(self):
    """moto's tokens expired in 2015; ECR's last 12 hours."""
    result = _orig_get_authorization_token(self)
    for data in result.result["authorizationData"]:
        data["expiresAt"] = _now() + 12 * 3600
    return result


ecr_responses.ECRResponse.get_authorization_token = _get_authorization_token


# ---------------------------------------------------------------------------------------------------------------
# State dump


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _tag_map(tags):
    if isinstance(tags, dict):
        return {k: v["Value"] if isinstance(v, dict) else v for k, v in sorted(tags.items())}
    return {t["Key"]: t["Value"] for t in sorted(tags or [], key=lambda t: t["Key"])}


def state():
    """Everything a test may compare before/after: deterministic (sorted), no volatile read counters."""
    out = {"ecr": {}, "iam": {}, "s3": {}, "codebuild": {}, "logs": {}, "agentcore": {}}
    for account, regions in ecr_backends.items():
        for region, ecr in regions.items():
            for name, repo in sorted(ecr.repositories.items()):
                out["ecr"][f"{account}/{region}/{name}"] = {
                    "uri": repo.uri,
                    "tags": {t["Key"]: t["Value"] for t in (ecr.tagger.list_tags_for_resource(repo.arn)
                                                            .get("tags", []))},
                    "images": sorted([{"digest": i.image_digest, "tags": sorted(i.image_tags)} for i in repo.images],
                                     key=lambda i: (i["digest"], i["tags"]))}
    for account, partitions in iam_backends.items():
        for partition, iam in partitions.items():
            for role in sorted(iam.roles.values(), key=lambda r: r.name):
                out["iam"][f"{account}/{role.name}"] = {
                    "arn": role.arn, "trust": role.assume_role_policy_document,
                    "policies": dict(sorted(role.policies.items())),
                    "attached": sorted(role.managed_policies.keys()),
                    "tags": _tag_map(role.tags)}
    for account, partitions in s3_backends.items():
        for partition, s3 in partitions.items():
            for name, bucket in sorted(s3.buckets.items()):
                out["s3"][f"{account}/{name}"] = {
                    "region": bucket.region_name,
                    "lifecycle": [r.id for r in bucket.rules] if getattr(bucket, "rules", None) else [],
                    "objects": {k: bucket.keys[k].etag for k in sorted(bucket.keys.keys())}}
    for account, regions in codebuild_backends.items():
        for region, cb in regions.items():
            for name, project in sorted(cb.codebuild_projects.items()):
                out["codebuild"][f"{account}/{region}/{name}"] = {
                    "project": project.project_metadata,
                    "builds": {b: {"status": _builds(cb)[b].final["buildStatus"]} if b in _builds(cb) else {}
                               for b in cb.build_history.get(name, [])}}
    for account, regions in logs_backends.items():
        for region, logs in regions.items():
            for name, group in sorted(logs.groups.items()):
                out["logs"][f"{account}/{region}/{name}"] = {
                    s: len(stream.events) for s, stream in sorted(group.streams.items())}
    for account, regions in acc_models.bedrockagentcorecontrol_backends.items():
        for region, acc in regions.items():
            for rid, r in acc.agent_runtimes.items():
                out["agentcore"][f"{account}/{region}/{rid}"] = {
                    "name": r.agent_runtime_name, "arn": r.agent_runtime_arn, "version": r.agent_runtime_version,
                    "artifact": r.agent_runtime_artifact, "role": r.role_arn,
                    "env": r.environment_variables, "status": getattr(r, "_ac_final", None) or r._status,
                    "tags": _tag_map(acc.tagger.list_tags_for_resource(r.agent_runtime_arn).get("Tags", [])),
                    "endpoints": sorted(name for (owner, name) in acc.agent_runtime_endpoints if owner == rid)}
    return out


def _bucket_owner(bucket_name):
    for account, partitions in s3_backends.items():
        for s3 in partitions.values():
            if bucket_name in s3.buckets:
                return account
    return None


def _wrong_bucket_owner(environ):
    """S3 refuses a request whose x-amz-expected-bucket-owner is not the bucket's account (moto ignores it)."""
    expected = environ.get("HTTP_X_AMZ_EXPECTED_BUCKET_OWNER")
    if not expected:
        return False
    bucket = environ.get("PATH_INFO", "/").lstrip("/").split("/", 1)[0]
    if not bucket:
        return False
    with LOCK:
        owner = _bucket_owner(unquote(bucket))
    return owner is not None and owner != expected


ACCESS_DENIED = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
                 b'<Message>Access Denied</Message><RequestId>emulator</RequestId></Error>')


def _drain(environ):
    """Read the request body before refusing it: a client still sending would otherwise hang until its timeout."""
    stream = environ.get("wsgi.input")
    length = environ.get("CONTENT_LENGTH")
    if stream is None:
        return
    if length:
        remaining = int(length)
        while remaining > 0:
            chunk = stream.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)
    elif "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        while stream.read(65536):
            pass


def _request_line(environ):
    """One line per request for benchmarks that count calls: signing service, then target or method and path."""
    auth = environ.get("HTTP_AUTHORIZATION", "")
    m = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", auth)
    service = m.group(1) if m else "-"
    target = environ.get("HTTP_X_AMZ_TARGET") or (environ.get("REQUEST_METHOD", "") + " " + environ.get("PATH_INFO", ""))
    return f"{service} {target}\n"


def application(request_log=None):
    moto_app = DomainDispatcherApplication(create_backend_app)

    def app(environ, start_response):
        if request_log is not None and not environ.get("PATH_INFO", "").startswith(("/_emulator", "/moto-api")):
            with LOCK:
                request_log.write(_request_line(environ))
                request_log.flush()
        if _wrong_bucket_owner(environ):
            _drain(environ)
            body = b"" if environ.get("REQUEST_METHOD") == "HEAD" else ACCESS_DENIED
            start_response("403 Forbidden", [("Content-Type", "application/xml"),
                                             ("Content-Length", str(len(body)))])
            return [body]
        if environ.get("PATH_INFO") == "/_emulator/state" and environ.get("REQUEST_METHOD") == "GET":
            with LOCK:
                body = json.dumps(state(), sort_keys=True, default=_iso, indent=1).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return moto_app(environ, start_response)

    return app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--log-requests", metavar="FILE", help="append one line per AWS request (benchmarks)")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    request_log = open(args.log_requests, "a", encoding="utf-8") if args.log_requests else None
    server = make_server(args.host, args.port, application(request_log), threaded=True)
    print(f"EMULATOR READY {server.server_port}", flush=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    # the parent holds our stdin: when it dies (even by SIGKILL) the pipe closes and we go too
    try:
        sys.stdin.read()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
