/**
 * The explicit rule registry, sorted by id. catalog.test.ts fails when a rule folder is missing
 * here or an entry has no folder.
 */
import type { Rule } from '../src/engine/types.js';
import addLocalFile from './dockerfile/add-local-file/rule.js';
import addRemoteUrl from './dockerfile/add-remote-url/rule.js';
import apkCacheInImage from './dockerfile/apk-cache-in-image/rule.js';
import apkPackageUnpinned from './dockerfile/apk-package-unpinned/rule.js';
import aptInstallRecommends from './dockerfile/apt-install-recommends/rule.js';
import aptInstallWithoutYes from './dockerfile/apt-install-without-yes/rule.js';
import aptListsNotRemoved from './dockerfile/apt-lists-not-removed/rule.js';
import aptPackageUnpinned from './dockerfile/apt-package-unpinned/rule.js';
import aptUnstableCli from './dockerfile/apt-unstable-cli/rule.js';
import buildArgNotDeclared from './project/build-arg-not-declared/rule.js';
import buildArgNotPassed from './project/build-arg-not-passed/rule.js';
import buildContextMissing from './project/build-context-missing/rule.js';
import buildTargetUnknown from './project/build-target-unknown/rule.js';
import buildWithImage from './compose/build-with-image/rule.js';
import capDropAllMissing from './compose/cap-drop-all-missing/rule.js';
import cdInRun from './dockerfile/cd-in-run/rule.js';
import composeSchemaViolation from './compose/compose-schema-violation/rule.js';
import composeV1File from './compose/compose-v1-file/rule.js';
import consecutiveRun from './dockerfile/consecutive-run/rule.js';
import consistentInstructionCasing from './dockerfile/consistent-instruction-casing/rule.js';
import containerNameInvalid from './compose/container-name-invalid/rule.js';
import containerNameWithReplicas from './compose/container-name-with-replicas/rule.js';
import copiedArchiveExtracted from './dockerfile/copied-archive-extracted/rule.js';
import copyDestinationMissingSlash from './dockerfile/copy-destination-missing-slash/rule.js';
import copyFromOwnStage from './dockerfile/copy-from-own-stage/rule.js';
import copyFromUnknownStage from './dockerfile/copy-from-unknown-stage/rule.js';
import copyIgnoredFile from './project/copy-ignored-file/rule.js';
import copyRelativeDestination from './dockerfile/copy-relative-destination/rule.js';
import copySourceMissing from './project/copy-source-missing/rule.js';
import copyWholeFilesystem from './dockerfile/copy-whole-filesystem/rule.js';
import curlPipeShell from './dockerfile/curl-pipe-shell/rule.js';
import dangerousCapability from './compose/dangerous-capability/rule.js';
import dependsOnCycle from './compose/depends-on-cycle/rule.js';
import dependsOnInactiveProfile from './compose/depends-on-inactive-profile/rule.js';
import dependsOnNotSorted from './compose/depends-on-not-sorted/rule.js';
import dependsOnUnknownService from './compose/depends-on-unknown-service/rule.js';
import dependsOnWithoutHealthcheck from './project/depends-on-without-healthcheck/rule.js';
import deviceSyntaxInvalid from './compose/device-syntax-invalid/rule.js';
import dnfCacheNotCleaned from './dockerfile/dnf-cache-not-cleaned/rule.js';
import dnfInstallWithoutYes from './dockerfile/dnf-install-without-yes/rule.js';
import dnfPackageUnpinned from './dockerfile/dnf-package-unpinned/rule.js';
import dockerSocketMount from './compose/docker-socket-mount/rule.js';
import dotenvKeyUnused from './project/dotenv-key-unused/rule.js';
import duplicateContainerName from './compose/duplicate-container-name/rule.js';
import duplicateHostPort from './compose/duplicate-host-port/rule.js';
import duplicateMountTarget from './compose/duplicate-mount-target/rule.js';
import duplicateStageName from './dockerfile/duplicate-stage-name/rule.js';
import duplicateYamlKey from './compose/duplicate-yaml-key/rule.js';
import emptyContinuationLine from './dockerfile/empty-continuation-line/rule.js';
import emptyLabel from './dockerfile/empty-label/rule.js';
import envFileMissing from './project/env-file-missing/rule.js';
import envFileSyntax from './project/env-file-syntax/rule.js';
import envReferencesSameInstruction from './dockerfile/env-references-same-instruction/rule.js';
import exposeInvalidFormat from './dockerfile/expose-invalid-format/rule.js';
import exposePortOutOfRange from './dockerfile/expose-port-out-of-range/rule.js';
import exposeProtoCasing from './dockerfile/expose-proto-casing/rule.js';
import exposeSshPort from './dockerfile/expose-ssh-port/rule.js';
import extendsCycle from './compose/extends-cycle/rule.js';
import extendsTargetMissing from './compose/extends-target-missing/rule.js';
import fileTooLarge from './project/file-too-large/rule.js';
import fromAsCasing from './dockerfile/from-as-casing/rule.js';
import fromPlatformFlagConst from './dockerfile/from-platform-flag-const/rule.js';
import gemPackageUnpinned from './dockerfile/gem-package-unpinned/rule.js';
import goPackageUnpinned from './dockerfile/go-package-unpinned/rule.js';
import hadolintIgnoreComment from './dockerfile/hadolint-ignore-comment/rule.js';
import healthcheckPortNotListening from './project/healthcheck-port-not-listening/rule.js';
import healthcheckTestInvalid from './compose/healthcheck-test-invalid/rule.js';
import hostDeviceMapped from './compose/host-device-mapped/rule.js';
import hostNamespace from './compose/host-namespace/rule.js';
import imageBuiltTwice from './project/image-built-twice/rule.js';
import includeCycle from './compose/include-cycle/rule.js';
import includeFileMissing from './compose/include-file-missing/rule.js';
import invalidDefaultArgInFrom from './dockerfile/invalid-default-arg-in-from/rule.js';
import invalidDefinitionDescription from './dockerfile/invalid-definition-description/rule.js';
import invalidDockerfile from './dockerfile/invalid-dockerfile/rule.js';
import invalidInterpolation from './compose/invalid-interpolation/rule.js';
import invalidLabelValue from './dockerfile/invalid-label-value/rule.js';
import invalidOnbuildTrigger from './dockerfile/invalid-onbuild-trigger/rule.js';
import invalidProjectName from './compose/invalid-project-name/rule.js';
import invalidSuppression from './project/invalid-suppression/rule.js';
import invalidYaml from './compose/invalid-yaml/rule.js';
import jsonArgsRecommended from './dockerfile/json-args-recommended/rule.js';
import labelKeyInvalid from './dockerfile/label-key-invalid/rule.js';
import labelNotInSchema from './dockerfile/label-not-in-schema/rule.js';
import latestImageTag from './project/latest-image-tag/rule.js';
import legacyKeyValueFormat from './dockerfile/legacy-key-value-format/rule.js';
import lnBinSh from './dockerfile/ln-bin-sh/rule.js';
import maintainerDeprecated from './dockerfile/maintainer-deprecated/rule.js';
import missingHealthcheck from './dockerfile/missing-healthcheck/rule.js';
import missingLabel from './dockerfile/missing-label/rule.js';
import multipleInstructionsDisallowed from './dockerfile/multiple-instructions-disallowed/rule.js';
import networkModeWithNetworks from './compose/network-mode-with-networks/rule.js';
import noNewPrivilegesMissing from './compose/no-new-privileges-missing/rule.js';
import nonNumericUser from './dockerfile/non-numeric-user/rule.js';
import npmPackageUnpinned from './dockerfile/npm-package-unpinned/rule.js';
import pipCacheInImage from './dockerfile/pip-cache-in-image/rule.js';
import pipPackageUnpinned from './dockerfile/pip-package-unpinned/rule.js';
import pipeWithoutPipefail from './dockerfile/pipe-without-pipefail/rule.js';
import pointlessCommandInRun from './dockerfile/pointless-command-in-run/rule.js';
import portPublishedOnAllInterfaces from './compose/port-published-on-all-interfaces/rule.js';
import portSyntaxInvalid from './compose/port-syntax-invalid/rule.js';
import portUnquoted from './compose/port-unquoted/rule.js';
import portsNotSorted from './compose/ports-not-sorted/rule.js';
import privilegedContainer from './compose/privileged-container/rule.js';
import projectNameMissing from './compose/project-name-missing/rule.js';
import publishedPortNotListening from './project/published-port-not-listening/rule.js';
import readOnlyRootfsMissing from './compose/read-only-rootfs-missing/rule.js';
import redundantTargetPlatform from './dockerfile/redundant-target-platform/rule.js';
import reservedStageName from './dockerfile/reserved-stage-name/rule.js';
import resourceFileMissing from './project/resource-file-missing/rule.js';
import resourceLimitsMissing from './compose/resource-limits-missing/rule.js';
import restartPolicyInvalid from './compose/restart-policy-invalid/rule.js';
import rootUser from './dockerfile/root-user/rule.js';
import secretFileInImage from './project/secret-file-in-image/rule.js';
import secretInEnvironment from './compose/secret-in-environment/rule.js';
import secretsInArgOrEnv from './dockerfile/secrets-in-arg-or-env/rule.js';
import securityProfileDisabled from './compose/security-profile-disabled/rule.js';
import sensitiveHostMount from './compose/sensitive-host-mount/rule.js';
import serviceHealthyWithoutHealthcheck from './project/service-healthy-without-healthcheck/rule.js';
import serviceKeysNotOrdered from './compose/service-keys-not-ordered/rule.js';
import serviceReferenceUnknown from './compose/service-reference-unknown/rule.js';
import serviceUserRoot from './compose/service-user-root/rule.js';
import serviceWithoutImageOrBuild from './compose/service-without-image-or-build/rule.js';
import servicesNotSorted from './compose/services-not-sorted/rule.js';
import stageNameCasing from './dockerfile/stage-name-casing/rule.js';
import sudoInRun from './dockerfile/sudo-in-run/rule.js';
import tlsVerifyDisabled from './dockerfile/tls-verify-disabled/rule.js';
import topLevelKeysNotOrdered from './compose/top-level-keys-not-ordered/rule.js';
import undefinedArgInFrom from './dockerfile/undefined-arg-in-from/rule.js';
import undefinedResource from './compose/undefined-resource/rule.js';
import undefinedVar from './dockerfile/undefined-var/rule.js';
import unsetVariable from './compose/unset-variable/rule.js';
import unsignedPackages from './dockerfile/unsigned-packages/rule.js';
import untrustedRegistry from './dockerfile/untrusted-registry/rule.js';
import unusedSuppression from './project/unused-suppression/rule.js';
import userOverridesImageUser from './project/user-overrides-image-user/rule.js';
import useraddLargeUid from './dockerfile/useradd-large-uid/rule.js';
import versionFieldObsolete from './compose/version-field-obsolete/rule.js';
import volumeQuoted from './compose/volume-quoted/rule.js';
import volumeSyntaxInvalid from './compose/volume-syntax-invalid/rule.js';
import volumeTargetNotAbsolute from './compose/volume-target-not-absolute/rule.js';
import wgetAndCurl from './dockerfile/wget-and-curl/rule.js';
import wgetProgressOutput from './dockerfile/wget-progress-output/rule.js';
import workdirRelativePath from './dockerfile/workdir-relative-path/rule.js';
import yarnCacheNotCleaned from './dockerfile/yarn-cache-not-cleaned/rule.js';
import yumCacheNotCleaned from './dockerfile/yum-cache-not-cleaned/rule.js';
import yumInstallWithoutYes from './dockerfile/yum-install-without-yes/rule.js';
import yumPackageUnpinned from './dockerfile/yum-package-unpinned/rule.js';
import zypperCacheNotCleaned from './dockerfile/zypper-cache-not-cleaned/rule.js';
import zypperDistUpgrade from './dockerfile/zypper-dist-upgrade/rule.js';
import zypperPackageUnpinned from './dockerfile/zypper-package-unpinned/rule.js';
import zypperWithoutNonInteractive from './dockerfile/zypper-without-non-interactive/rule.js';

export const rules: readonly Rule[] = [
  addLocalFile,
  addRemoteUrl,
  apkCacheInImage,
  apkPackageUnpinned,
  aptInstallRecommends,
  aptInstallWithoutYes,
  aptListsNotRemoved,
  aptPackageUnpinned,
  aptUnstableCli,
  buildArgNotDeclared,
  buildArgNotPassed,
  buildContextMissing,
  buildTargetUnknown,
  buildWithImage,
  capDropAllMissing,
  cdInRun,
  composeSchemaViolation,
  composeV1File,
  consecutiveRun,
  consistentInstructionCasing,
  containerNameInvalid,
  containerNameWithReplicas,
  copiedArchiveExtracted,
  copyDestinationMissingSlash,
  copyFromOwnStage,
  copyFromUnknownStage,
  copyIgnoredFile,
  copyRelativeDestination,
  copySourceMissing,
  copyWholeFilesystem,
  curlPipeShell,
  dangerousCapability,
  dependsOnCycle,
  dependsOnInactiveProfile,
  dependsOnNotSorted,
  dependsOnUnknownService,
  dependsOnWithoutHealthcheck,
  deviceSyntaxInvalid,
  dnfCacheNotCleaned,
  dnfInstallWithoutYes,
  dnfPackageUnpinned,
  dockerSocketMount,
  dotenvKeyUnused,
  duplicateContainerName,
  duplicateHostPort,
  duplicateMountTarget,
  duplicateStageName,
  duplicateYamlKey,
  emptyContinuationLine,
  emptyLabel,
  envFileMissing,
  envFileSyntax,
  envReferencesSameInstruction,
  exposeInvalidFormat,
  exposePortOutOfRange,
  exposeProtoCasing,
  exposeSshPort,
  extendsCycle,
  extendsTargetMissing,
  fileTooLarge,
  fromAsCasing,
  fromPlatformFlagConst,
  gemPackageUnpinned,
  goPackageUnpinned,
  hadolintIgnoreComment,
  healthcheckPortNotListening,
  healthcheckTestInvalid,
  hostDeviceMapped,
  hostNamespace,
  imageBuiltTwice,
  includeCycle,
  includeFileMissing,
  invalidDefaultArgInFrom,
  invalidDefinitionDescription,
  invalidDockerfile,
  invalidInterpolation,
  invalidLabelValue,
  invalidOnbuildTrigger,
  invalidProjectName,
  invalidSuppression,
  invalidYaml,
  jsonArgsRecommended,
  labelKeyInvalid,
  labelNotInSchema,
  latestImageTag,
  legacyKeyValueFormat,
  lnBinSh,
  maintainerDeprecated,
  missingHealthcheck,
  missingLabel,
  multipleInstructionsDisallowed,
  networkModeWithNetworks,
  noNewPrivilegesMissing,
  nonNumericUser,
  npmPackageUnpinned,
  pipCacheInImage,
  pipPackageUnpinned,
  pipeWithoutPipefail,
  pointlessCommandInRun,
  portPublishedOnAllInterfaces,
  portSyntaxInvalid,
  portUnquoted,
  portsNotSorted,
  privilegedContainer,
  projectNameMissing,
  publishedPortNotListening,
  readOnlyRootfsMissing,
  redundantTargetPlatform,
  reservedStageName,
  resourceFileMissing,
  resourceLimitsMissing,
  restartPolicyInvalid,
  rootUser,
  secretFileInImage,
  secretInEnvironment,
  secretsInArgOrEnv,
  securityProfileDisabled,
  sensitiveHostMount,
  serviceHealthyWithoutHealthcheck,
  serviceKeysNotOrdered,
  serviceReferenceUnknown,
  serviceUserRoot,
  serviceWithoutImageOrBuild,
  servicesNotSorted,
  stageNameCasing,
  sudoInRun,
  tlsVerifyDisabled,
  topLevelKeysNotOrdered,
  undefinedArgInFrom,
  undefinedResource,
  undefinedVar,
  unsetVariable,
  unsignedPackages,
  untrustedRegistry,
  unusedSuppression,
  userOverridesImageUser,
  useraddLargeUid,
  versionFieldObsolete,
  volumeQuoted,
  volumeSyntaxInvalid,
  volumeTargetNotAbsolute,
  wgetAndCurl,
  wgetProgressOutput,
  workdirRelativePath,
  yarnCacheNotCleaned,
  yumCacheNotCleaned,
  yumInstallWithoutYes,
  yumPackageUnpinned,
  zypperCacheNotCleaned,
  zypperDistUpgrade,
  zypperPackageUnpinned,
  zypperWithoutNonInteractive,
];
