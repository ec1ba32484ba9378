#!/usr/bin/env python3
"""Static checks of the Plinth container build and manifests (no cluster, no container engine).

    python3 openshift/check-manifests.py

Checks: every YAML file under openshift/ parses; every resource has apiVersion, kind and
metadata.name and no namespace; kustomization resources and patches exist; the generated files
match openshift/generate.sh; Deployment selectors match their pod labels; Services, PDBs,
NetworkPolicies and the PodMonitor select pods that exist; Service target ports, Route and
Ingress backends, HPA targets and envFrom references resolve; probes and the security context
are as the platform requires; the image build lists every service of services.list. When the
Kubernetes Python client is importable, field names and types are checked against its models;
when kubectl is on PATH, both overlays are built with `kubectl kustomize`.
Exits 1 on any problem.
"""
import glob
import os
import re
import shutil
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
problems = []


def problem(where, message):
    problems.append(f"{os.path.relpath(where, ROOT) if os.path.sep in where else where}: {message}")


def load_all(path):
    with open(path, encoding="utf-8") as handle:
        return [doc for doc in yaml.safe_load_all(handle) if doc is not None]


def services_list():
    rows = []
    with open(os.path.join(HERE, "services.list"), encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            name, module, role, grpc, metrics, hpa, secrets = fields
            rows.append(dict(name=name, module=module, role=role, grpc=grpc == "yes",
                             metrics=metrics == "yes", hpa=hpa == "yes", secrets=secrets == "yes"))
    return rows


def matches(selector, labels):
    """Kubernetes label selector semantics (matchLabels + matchExpressions)."""
    if selector is None:
        return False
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr["key"], expr["operator"], expr.get("values") or []
        if op == "In" and labels.get(key) not in values:
            return False
        if op == "NotIn" and key in labels and labels[key] in values:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


# --- 1. every YAML file parses; every resource is well-formed -------------------------------
yaml_files = sorted(glob.glob(os.path.join(HERE, "**", "*.yaml"), recursive=True))
for path in yaml_files:
    try:
        docs = load_all(path)
    except yaml.YAMLError as error:
        problem(path, f"does not parse: {error}")
        continue
    for doc in docs:
        if not isinstance(doc, dict):
            problem(path, "a document is not a mapping")
            continue
        if doc.get("kind") == "Kustomization":
            continue
        for field in ("apiVersion", "kind"):
            if not doc.get(field):
                problem(path, f"a resource has no {field}")
        name = (doc.get("metadata") or {}).get("name")
        if not name:
            problem(path, f"a {doc.get('kind')} has no metadata.name")
        if (doc.get("metadata") or {}).get("namespace"):
            problem(path, f"{doc.get('kind')} {name} sets a namespace (the manifests are namespace-agnostic)")

# --- 2. kustomizations: resources and patches exist ------------------------------------------
kustomizations = sorted(glob.glob(os.path.join(HERE, "**", "kustomization.yaml"), recursive=True))
for path in kustomizations:
    base = os.path.dirname(path)
    kustomization = load_all(path)[0]
    entries = list(kustomization.get("resources") or [])
    entries += [p["path"] for p in kustomization.get("patches") or [] if "path" in p]
    for entry in entries:
        target = os.path.normpath(os.path.join(base, entry))
        if os.path.isdir(target):
            if not os.path.exists(os.path.join(target, "kustomization.yaml")):
                problem(path, f"{entry} is a directory without kustomization.yaml")
        elif not os.path.isfile(target):
            problem(path, f"{entry} does not exist")

# Every YAML file in base/ except the Secret template is a resource of the base.
base_kustomization = load_all(os.path.join(HERE, "base", "kustomization.yaml"))[0]
listed = {os.path.normpath(os.path.join(HERE, "base", r)) for r in base_kustomization["resources"]}
for path in glob.glob(os.path.join(HERE, "base", "**", "*.yaml"), recursive=True):
    if path.endswith(("kustomization.yaml", ".template.yaml")):
        continue
    if os.path.normpath(path) not in listed:
        problem(path, "is not listed in base/kustomization.yaml")


# --- 3. the rendered overlays: cross-references ----------------------------------------------
def collect(directory):
    """The resources of a kustomization, resolved the simple way (resources + patches by name)."""
    kustomization = load_all(os.path.join(directory, "kustomization.yaml"))[0]
    resources = []
    for entry in kustomization.get("resources") or []:
        target = os.path.normpath(os.path.join(directory, entry))
        resources += collect(target) if os.path.isdir(target) else load_all(target)
    for patch in kustomization.get("patches") or []:
        body = load_all(os.path.join(directory, patch["path"]))[0]
        for resource in resources:
            if resource["kind"] == body["kind"] and resource["metadata"]["name"] == body["metadata"]["name"]:
                resource["spec"].update(body.get("spec") or {})
    return resources


services = services_list()
by_name = {row["name"]: row for row in services}

for overlay in ("openshift", "kubernetes"):
    where = f"overlays/{overlay}"
    resources = collect(os.path.join(HERE, "overlays", overlay))
    kinds = {}
    for resource in resources:
        kinds.setdefault(resource["kind"], {})[resource["metadata"]["name"]] = resource
    names = {}
    for resource in resources:
        key = (resource["kind"], resource["metadata"]["name"])
        if key in names:
            problem(where, f"duplicate {key}")
        names[key] = True

    deployments = kinds.get("Deployment", {})
    pods = {name: d["spec"]["template"]["metadata"]["labels"] for name, d in deployments.items()}
    configmaps = kinds.get("ConfigMap", {})

    if set(deployments) != set(by_name):
        problem(where, f"Deployments {sorted(deployments)} differ from services.list {sorted(by_name)}")

    for name, deployment in deployments.items():
        row = by_name.get(name, {})
        spec = deployment["spec"]
        pod = spec["template"]["spec"]
        if not matches(spec["selector"], pods[name]):
            problem(where, f"Deployment {name}: selector does not match its pod labels")
        for other, labels in pods.items():
            if other != name and matches(spec["selector"], labels):
                problem(where, f"Deployment {name}: selector also matches pods of {other}")
        if spec.get("replicas") != 2:
            problem(where, f"Deployment {name}: replicas is not 2")
        security = pod.get("securityContext") or {}
        if security.get("runAsNonRoot") is not True or (security.get("seccompProfile") or {}).get("type") != "RuntimeDefault":
            problem(where, f"Deployment {name}: pod must set runAsNonRoot and seccomp RuntimeDefault")
        if "runAsUser" in security:
            problem(where, f"Deployment {name}: runAsUser conflicts with OpenShift's restricted SCC")
        (container,) = pod["containers"]
        csec = container.get("securityContext") or {}
        if csec.get("allowPrivilegeEscalation") is not False or (csec.get("capabilities") or {}).get("drop") != ["ALL"]:
            problem(where, f"Deployment {name}: container must forbid privilege escalation and drop ALL")
        ports = {p["name"]: p["containerPort"] for p in container.get("ports") or []}
        expected = {"http": 9080, **({"grpc": 5001} if row.get("grpc") else {})}
        if ports != expected:
            problem(where, f"Deployment {name}: container ports {ports}, expected {expected}")
        env = {e["name"]: e for e in container.get("env") or []}
        if (env.get("PLINTH_INSTANCE_ID", {}).get("valueFrom") or {}).get("fieldRef", {}).get("fieldPath") != "metadata.name":
            problem(where, f"Deployment {name}: PLINTH_INSTANCE_ID must come from metadata.name")
        if env.get("PLINTH_HTTP_PORT", {}).get("value") != "9080":
            problem(where, f"Deployment {name}: PLINTH_HTTP_PORT must be 9080")
        if row.get("grpc") and env.get("PLINTH_GRPC_PORT", {}).get("value") != "5001":
            problem(where, f"Deployment {name}: PLINTH_GRPC_PORT must be 5001")
        refs = container.get("envFrom") or []
        cms = [r["configMapRef"]["name"] for r in refs if "configMapRef" in r]
        secrets = [r["secretRef"]["name"] for r in refs if "secretRef" in r]
        if cms != ["plinth-config"] or any(c not in configmaps for c in cms):
            problem(where, f"Deployment {name}: envFrom must use the plinth-config ConfigMap")
        if secrets != (["plinth-secrets"] if row.get("secrets") else []):
            problem(where, f"Deployment {name}: envFrom secrets {secrets} do not match services.list")
        probes = {k: container.get(k) or {} for k in ("startupProbe", "livenessProbe", "readinessProbe")}
        paths = {k: (v.get("httpGet") or {}).get("path") for k, v in probes.items()}
        if paths != {"startupProbe": "/liveness", "livenessProbe": "/liveness", "readinessProbe": "/hc"}:
            problem(where, f"Deployment {name}: probe paths {paths}")
        for probe in probes.values():
            if (probe.get("httpGet") or {}).get("port") not in ports:
                problem(where, f"Deployment {name}: a probe uses an unknown port")
        if probes["startupProbe"].get("failureThreshold", 0) * probes["startupProbe"].get("periodSeconds", 10) < 300:
            problem(where, f"Deployment {name}: the startup probe allows less than 5 minutes")
        resources_ = container.get("resources") or {}
        if not resources_.get("requests") or not resources_.get("limits"):
            problem(where, f"Deployment {name}: requests and limits are required")
        annotations = spec["template"]["metadata"].get("annotations") or {}
        if bool(annotations.get("prometheus.io/scrape") == "true") != bool(row.get("metrics")):
            problem(where, f"Deployment {name}: prometheus.io/scrape does not match services.list")

    for name, service in kinds.get("Service", {}).items():
        selected = [d for d, labels in pods.items() if matches({"matchLabels": service["spec"]["selector"]}, labels)]
        if selected != [name]:
            problem(where, f"Service {name} selects {selected}")
            continue
        container_ports = {p["name"] for p in deployments[name]["spec"]["template"]["spec"]["containers"][0]["ports"]}
        ports = {(p["name"], p["port"], p["targetPort"], p.get("appProtocol")) for p in service["spec"]["ports"]}
        expected = {("http", 80, "http", "http")}
        if by_name[name]["grpc"]:
            expected.add(("grpc", 5001, "grpc", "grpc"))
        if ports != expected:
            problem(where, f"Service {name}: ports {sorted(ports)}, expected {sorted(expected)}")
        for port in service["spec"]["ports"]:
            if port["targetPort"] not in container_ports:
                problem(where, f"Service {name}: targetPort {port['targetPort']} is not a container port")
    if set(kinds.get("Service", {})) != set(deployments):
        problem(where, "not every Deployment has a Service of the same name")

    for name, pdb in kinds.get("PodDisruptionBudget", {}).items():
        selected = [d for d, labels in pods.items() if matches(pdb["spec"]["selector"], labels)]
        if selected != [name] or pdb["spec"].get("minAvailable") != 1:
            problem(where, f"PodDisruptionBudget {name}: selects {selected}, minAvailable {pdb['spec'].get('minAvailable')}")
    if set(kinds.get("PodDisruptionBudget", {})) != set(deployments):
        problem(where, "not every Deployment has a PodDisruptionBudget")

    hpas = kinds.get("HorizontalPodAutoscaler", {})
    if set(hpas) != {r["name"] for r in services if r["hpa"]}:
        problem(where, f"HPAs {sorted(hpas)} do not match services.list")
    for name, hpa in hpas.items():
        target = hpa["spec"]["scaleTargetRef"]
        if target["kind"] != "Deployment" or target["name"] not in deployments:
            problem(where, f"HPA {name}: target {target} does not exist")
        cpu = hpa["spec"]["metrics"][0]["resource"]
        if (hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"], cpu["name"], cpu["target"]["averageUtilization"]) != (2, 6, "cpu", 75):
            problem(where, f"HPA {name}: expected CPU 75 %, 2..6 replicas")

    for name, policy in kinds.get("NetworkPolicy", {}).items():
        selected = [d for d, labels in pods.items() if matches(policy["spec"]["podSelector"], labels)]
        if not selected:
            problem(where, f"NetworkPolicy {name} selects no pod")
        if name == "plinth-allow-from-router" and sorted(selected) != ["web-studio", "web-workplace"]:
            problem(where, f"NetworkPolicy {name} selects {selected}, expected only the web parts")
        if name == "plinth-allow-same-namespace" and sorted(selected) != sorted(deployments):
            problem(where, f"NetworkPolicy {name} does not select every pod")
        for rule in policy["spec"].get("ingress") or []:
            if not rule.get("from"):
                problem(where, f"NetworkPolicy {name}: a rule allows every source")

    for name, monitor in kinds.get("PodMonitor", {}).items():
        selected = sorted(d for d, labels in pods.items() if matches(monitor["spec"]["selector"], labels))
        if selected != sorted(r["name"] for r in services if r["metrics"]):
            problem(where, f"PodMonitor {name} selects {selected}")

    def backend(kind, name, service_name, port_name):
        service = kinds.get("Service", {}).get(service_name)
        if service is None:
            problem(where, f"{kind} {name}: Service {service_name} does not exist")
        elif port_name not in {p["name"] for p in service["spec"]["ports"]}:
            problem(where, f"{kind} {name}: Service {service_name} has no port {port_name}")

    for name, route in kinds.get("Route", {}).items():
        backend("Route", name, route["spec"]["to"]["name"], route["spec"]["port"]["targetPort"])
        tls = route["spec"].get("tls") or {}
        if (tls.get("termination"), tls.get("insecureEdgeTerminationPolicy")) != ("edge", "Redirect"):
            problem(where, f"Route {name}: expected edge TLS with Redirect")
    for name, ingress in kinds.get("Ingress", {}).items():
        for rule in ingress["spec"]["rules"]:
            for path in rule["http"]["paths"]:
                svc = path["backend"]["service"]
                backend("Ingress", name, svc["name"], svc["port"]["name"])
    exposed = sorted(kinds.get("Route" if overlay == "openshift" else "Ingress", {}))
    if exposed != ["web-studio", "web-workplace"]:
        problem(where, f"exposes {exposed}, expected web-studio and web-workplace")

# --- 4. the Secret templates hold placeholders only -----------------------------------------
for secret_name in ("plinth-secrets", "plinth-admin"):
    template = os.path.join(HERE, "base", secret_name + ".template.yaml")
    (secret,) = load_all(template)
    if secret["metadata"]["name"] != secret_name or secret["kind"] != "Secret":
        problem(template, f"is not the {secret_name} Secret")
    for key, value in (secret.get("stringData") or {}).items():
        if value != "CHANGE_ME":
            problem(template, f"{key} is not the CHANGE_ME placeholder")

# --- 5. image build --------------------------------------------------------------------------
containerfile = open(os.path.join(HERE, "Containerfile"), encoding="utf-8").read()
for needle in ("FROM icr.io/appcafe/open-liberty:26.0.0.3-full-java17-openj9-ubi-minimal",
               "ARG SERVICE", "ARG MODULE_DIR", "USER 1001", "EXPOSE 9080 5001", "configure.sh"):
    if needle not in containerfile:
        problem("openshift/Containerfile", f"lacks {needle!r}")
for part in ("server.xml", "plinth/", "lib/", "apps/"):
    if not re.search(r"^COPY --chown=1001:0 \$\{MODULE_DIR\}/target/liberty-usr/servers/\$\{SERVICE\}/"
                     + re.escape(part) + r" /config/" + re.escape(part) + r"$", containerfile, re.M):
        problem("openshift/Containerfile", f"does not copy {part} to /config")
for row in services:
    if not row["module"].startswith(("services/", "web-")):
        problem("openshift/services.list", f"{row['name']}: module {row['module']} is not covered by Containerfile.dockerignore")

# --- 6. generated files are up to date; scripts are valid bash --------------------------------
result = subprocess.run(["bash", os.path.join(HERE, "generate.sh"), "--check"], capture_output=True, text=True)
if result.returncode != 0:
    problem("openshift/generate.sh", "base/services/ differs from what generate.sh writes:\n" + result.stderr)
for script in ("generate.sh", "build-images.sh"):
    result = subprocess.run(["bash", "-n", os.path.join(HERE, script)], capture_output=True, text=True)
    if result.returncode != 0:
        problem(f"openshift/{script}", result.stderr.strip())

# --- 7. field names and types against the Kubernetes client's models (when installed) ----------
try:
    import kubernetes.client as k8s
except ImportError:
    k8s = None
    print("note: the kubernetes Python client is not importable: field-level schema check skipped")

# Fields newer than the client models Debian ships (22.x = Kubernetes 1.22).
NEWER_FIELDS = {("V1PodDisruptionBudgetSpec", "unhealthyPodEvictionPolicy")}
MODELS = {
    ("v1", "ConfigMap"): "V1ConfigMap", ("v1", "Secret"): "V1Secret", ("v1", "Service"): "V1Service",
    ("apps/v1", "Deployment"): "V1Deployment", ("policy/v1", "PodDisruptionBudget"): "V1PodDisruptionBudget",
    # autoscaling/v2 has exactly the fields of v2beta2.
    ("autoscaling/v2", "HorizontalPodAutoscaler"): ("V2HorizontalPodAutoscaler", "V2beta2HorizontalPodAutoscaler"),
    ("networking.k8s.io/v1", "NetworkPolicy"): "V1NetworkPolicy", ("networking.k8s.io/v1", "Ingress"): "V1Ingress",
}
PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float)}


def check_model(where, value, type_name, path):
    if type_name == "object":
        return
    if type_name.startswith("list["):
        if not isinstance(value, list):
            problem(where, f"{path}: expected a list")
            return
        for i, item in enumerate(value):
            check_model(where, item, type_name[5:-1], f"{path}[{i}]")
        return
    if type_name.startswith("dict("):
        if not isinstance(value, dict):
            problem(where, f"{path}: expected a mapping")
            return
        inner = type_name[5:-1].split(", ", 1)[1]
        for key, item in value.items():
            check_model(where, item, inner, f"{path}.{key}")
        return
    if type_name in PRIMITIVES:
        if not isinstance(value, PRIMITIVES[type_name]) or (type_name == "int" and isinstance(value, bool)):
            problem(where, f"{path}: expected {type_name}, got {value!r}")
        return
    model = getattr(k8s, type_name)
    if not isinstance(value, dict):
        problem(where, f"{path}: expected a {type_name} mapping")
        return
    fields = {json_name: model.openapi_types[attr] for attr, json_name in model.attribute_map.items()}
    for key, item in value.items():
        if key not in fields:
            if (type_name, key) not in NEWER_FIELDS:
                problem(where, f"{path}.{key}: unknown field of {type_name}")
            continue
        check_model(where, item, fields[key], f"{path}.{key}")


if k8s is not None:
    checked = 0
    for path in yaml_files:
        for doc in load_all(path):
            model = MODELS.get((doc.get("apiVersion"), doc.get("kind")))
            if model is None:
                continue
            if isinstance(model, tuple):
                model = next(m for m in model if hasattr(k8s, m))
            check_model(path, doc, model, doc["kind"])
            checked += 1
    print(f"schema: {checked} resources checked against kubernetes client {k8s.__version__ if hasattr(k8s, '__version__') else ''} models")

# --- 8. kubectl kustomize, when kubectl is there ----------------------------------------------
kubectl = shutil.which("kubectl")
if kubectl:
    for overlay in ("openshift", "kubernetes"):
        result = subprocess.run([kubectl, "kustomize", os.path.join(HERE, "overlays", overlay)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            problem(f"overlays/{overlay}", "kubectl kustomize failed: " + result.stderr.strip())
        else:
            count = len([d for d in yaml.safe_load_all(result.stdout) if d])
            print(f"kubectl kustomize overlays/{overlay}: {count} resources")
else:
    print("note: kubectl not on PATH: kustomize build skipped")

if problems:
    print("\n".join(problems), file=sys.stderr)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    sys.exit(1)
print(f"OK: {len(yaml_files)} YAML files, {len(kustomizations)} kustomizations, {len(services)} services")
