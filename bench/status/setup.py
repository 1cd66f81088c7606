"""Creates a launched agent in the emulator for bench/status.sh and fills the project's YAML to point at it.

Usage: setup.py ENDPOINT PROJECT_DIR AGENT
Creates: the runtime role (trusting bedrock-agentcore), an ECR repository with one image, a CodeBuild project and
the AgentCore runtime; then writes agent_id/agent_arn and the CodeBuild project name into the agent's config.
"""
import json
import os
import sys

import boto3
import yaml

endpoint, project, agent = sys.argv[1:4]
session = boto3.Session(region_name="us-west-2", aws_access_key_id="testing", aws_secret_access_key="testing")
iam = session.client("iam", endpoint_url=endpoint)
ecr = session.client("ecr", endpoint_url=endpoint)
cb = session.client("codebuild", endpoint_url=endpoint)
control = session.client("bedrock-agentcore-control", endpoint_url=endpoint)
account = session.client("sts", endpoint_url=endpoint).get_caller_identity()["Account"]

role = iam.create_role(RoleName=f"bench-{agent}-runtime", AssumeRolePolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock-agentcore.amazonaws.com"},
                   "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
repo = f"bedrock-agentcore-{agent}"
ecr.create_repository(repositoryName=repo)
manifest = {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
            "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 2,
                       "digest": "sha256:" + "0" * 64}, "layers": []}
ecr.put_image(repositoryName=repo, imageManifest=json.dumps(manifest), imageTag="v1")
project_name = f"bedrock-agentcore-{agent}-builder"
cb.create_project(name=project_name, source={"type": "S3", "location": "bench-bucket/source.zip"},
                  artifacts={"type": "NO_ARTIFACTS"},
                  environment={"type": "ARM_CONTAINER", "image": "aws/codebuild/amazonlinux2-aarch64-standard:3.0",
                               "computeType": "BUILD_GENERAL1_SMALL"},
                  serviceRole=role)
image = f"{account}.dkr.ecr.us-west-2.amazonaws.com/{repo}:v1"
runtime = control.create_agent_runtime(agentRuntimeName=agent,
                                       agentRuntimeArtifact={"containerConfiguration": {"containerUri": image}},
                                       roleArn=role, networkConfiguration={"networkMode": "PUBLIC"})

path = os.path.join(project, ".bedrock_agentcore.yaml")
with open(path, encoding="utf-8") as fh:
    config = yaml.safe_load(fh)
entry = config["agents"][agent]
entry["bedrock_agentcore"] = dict(entry.get("bedrock_agentcore") or {}, agent_id=runtime["agentRuntimeId"],
                                  agent_arn=runtime["agentRuntimeArn"])
entry["codebuild"] = dict(entry.get("codebuild") or {}, project_name=project_name)
entry["aws"] = dict(entry.get("aws") or {}, region="us-west-2", account=account)
with open(path, "w", encoding="utf-8") as fh:
    yaml.safe_dump(config, fh, sort_keys=False)
print(runtime["agentRuntimeId"])
