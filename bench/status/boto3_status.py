"""The AWS calls `agentcore status` makes, with boto3: a lower bound for the Python starter toolkit's status, which
makes these calls and more. Reads the same YAML, then GetAgentRuntime, GetAgentRuntimeEndpoint(DEFAULT),
ListBuildsForProject (and BatchGetBuilds for the newest build, if any). Endpoint from AWS_ENDPOINT_URL.
"""
import sys

import boto3
import yaml

with open(".bedrock_agentcore.yaml", encoding="utf-8") as fh:
    config = yaml.safe_load(fh)
agent = config["agents"][config["default_agent"]]
runtime_id = agent["bedrock_agentcore"]["agent_id"]
session = boto3.Session(region_name=agent["aws"]["region"])
control = session.client("bedrock-agentcore-control")
runtime = control.get_agent_runtime(agentRuntimeId=runtime_id)
endpoint = control.get_agent_runtime_endpoint(agentRuntimeId=runtime_id, endpointName="DEFAULT")
codebuild = session.client("codebuild")
ids = codebuild.list_builds_for_project(projectName=agent["codebuild"]["project_name"], sortOrder="DESCENDING")["ids"]
build = codebuild.batch_get_builds(ids=ids[:1])["builds"][0] if ids else None
print(runtime["status"], endpoint["status"], build["buildStatus"] if build else "no build")
sys.exit(0)
