/**
 * The explicit rule registry, sorted by id. catalog.test.ts fails when a rule folder is missing
 * here or an entry has no folder.
 */
import type { Rule } from '../src/engine/types.js';
import composeSchemaViolation from './compose/compose-schema-violation/rule.js';
import duplicateYamlKey from './compose/duplicate-yaml-key/rule.js';
import invalidYaml from './compose/invalid-yaml/rule.js';
import latestImageTag from './project/latest-image-tag/rule.js';
import volumeTargetNotAbsolute from './compose/volume-target-not-absolute/rule.js';
import undefinedResource from './compose/undefined-resource/rule.js';
import dependsOnUnknownService from './compose/depends-on-unknown-service/rule.js';
import dependsOnCycle from './compose/depends-on-cycle/rule.js';
import envFileMissing from './project/env-file-missing/rule.js';
import imageBuiltTwice from './project/image-built-twice/rule.js';
import invalidSuppression from './project/invalid-suppression/rule.js';
import unusedSuppression from './project/unused-suppression/rule.js';
import invalidDockerfile from './dockerfile/invalid-dockerfile/rule.js';
import pipCacheInImage from './dockerfile/pip-cache-in-image/rule.js';
import rootUser from './dockerfile/root-user/rule.js';
import secretFileInImage from './project/secret-file-in-image/rule.js';
import unsetVariable from './compose/unset-variable/rule.js';
import duplicateContainerName from './compose/duplicate-container-name/rule.js';
import duplicateHostPort from './compose/duplicate-host-port/rule.js';
import dependsOnWithoutHealthcheck from './project/depends-on-without-healthcheck/rule.js';
import portPublishedOnAllInterfaces from './compose/port-published-on-all-interfaces/rule.js';

export const rules: readonly Rule[] = [
  composeSchemaViolation,
  dependsOnCycle,
  dependsOnUnknownService,
  dependsOnWithoutHealthcheck,
  duplicateContainerName,
  duplicateHostPort,
  duplicateYamlKey,
  envFileMissing,
  imageBuiltTwice,
  invalidDockerfile,
  invalidSuppression,
  invalidYaml,
  latestImageTag,
  pipCacheInImage,
  portPublishedOnAllInterfaces,
  rootUser,
  secretFileInImage,
  undefinedResource,
  unsetVariable,
  unusedSuppression,
  volumeTargetNotAbsolute,
];
