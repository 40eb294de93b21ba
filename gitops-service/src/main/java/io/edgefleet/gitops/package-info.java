/** gitops-service: GitOps configurations (Flux sources and kustomizations), their delivery to devices, compliance. */
package io.edgefleet.gitops;
