/**
 * Extra words for places in the Compose Specification where the bare schema rule is not enough
 * to fix the file, keyed by the JSON pointer of the subschema (FactNode.at).
 */

/** Appended to a type message: what an accepted value looks like. */
export const TYPE_HINTS: Record<string, string> = {
  '#/definitions/service/properties/ports/items':
    'such as `"8080:80"`, `80` or a mapping with `target` and `published`',
  '#/definitions/service/properties/volumes/items':
    'such as `./data:/data` or a mapping with `type`, `source` and `target`',
  '#/definitions/list_or_dict': 'either `KEY: value` entries or a list of `KEY=value` strings',
  '#/definitions/service/properties/depends_on':
    'either a list of service names or a mapping of service names to `condition`s',
  '#/definitions/service/properties/build': 'either a context path or a mapping with `context`',
  '#/definitions/command': 'either a command line or a list of arguments',
  '#/definitions/service/properties/networks': 'either a list of network names or a mapping of them',
  '#/definitions/env_file': 'either a file path or a list of them',
};

/** Replaces "must match the pattern …" for the spec's value patterns, which are not anchored. */
export const PATTERN_RULES: Record<string, string> = {
  '#/definitions/service/properties/container_name':
    'must have at least two characters, a letter or digit followed by letters, digits, `_`, `.` or `-`',
  '#/definitions/service/properties/pull_policy':
    'must be `always`, `never`, `build`, `if_not_present`, `missing`, `refresh`, `daily`, `weekly` or `every_<duration>` such as `every_12h`',
};

/** The rule a key must follow when a mapping's keys are names (`patternProperties`). */
export const NAME_RULES: Record<string, string> = {
  '^[a-zA-Z0-9._-]+$': 'only letters, digits, `.`, `_` and `-` are allowed',
  '^[a-z]+$': 'only lowercase letters are allowed',
  '^.+$': 'it must not be empty',
  '.+': 'it must not be empty',
};
