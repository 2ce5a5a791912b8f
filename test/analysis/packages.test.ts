import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell } from '../../src/parse/dockerfile/shell/lex.js';
import type { ShellWord } from '../../src/parse/dockerfile/shell/types.js';
import {
  apkCall, apkPinned, aptAssumesYes, aptCall, aptPinned, aptSkipsRecommends, dnfCall, gemInstall, gemPackages, gemPinned,
  goCall, goPackages, goPinned, npmInstall, npmPinned, pipInstall, pipPackages, pipPinned, rpmCleanAll, rpmInstallWord,
  rpmPinned, rpmUnpinned, yarnInstall, yumCall, zypperCall, zypperPinned,
} from '../../src/analysis/packages.js';

const cmd = (src: string) => parseShell(src, { path: '/p', offset: 0, escape: '\\' })[0]!;
const w = (value: string): ShellWord => ({ value, range: { path: '/p', start: 0, end: value.length }, dynamic: false });
const values = (ws: ShellWord[]) => ws.map((x) => x.value);

test('apt: subcommand, packages without option values, assume-yes spellings', () => {
  const call = aptCall(cmd('sudo apt-get -o Dpkg::Options::=--force-confold install -t bookworm-backports -y nginx curl=8'))!;
  assert.equal(call.sub?.value, 'install');
  assert.deepEqual(values(call.operands), ['nginx', 'curl=8']);
  const yes = ['apt-get install -y a', 'apt-get -qy install a', 'apt-get install -qq a', 'apt-get -q -q install a', 'apt-get install -q=2 a', 'apt-get install --quiet --quiet a', 'apt-get install -o APT::Get::Assume-Yes=true a', 'apt install --assume-yes a'];
  for (const s of yes) assert.equal(aptAssumesYes(aptCall(cmd(s))!), true, s);
  for (const s of ['apt-get install a', 'apt-get -q install a', 'apt-get install -o APT::Get::Assume-Yes=false a']) assert.equal(aptAssumesYes(aptCall(cmd(s))!), false, s);
  assert.equal(aptSkipsRecommends(aptCall(cmd('apt-get install --no-install-recommends a'))!), true);
  assert.equal(aptSkipsRecommends(aptCall(cmd('apt-get install -o APT::Install-Recommends=0 a'))!), true);
  assert.equal(aptSkipsRecommends(aptCall(cmd('apt-get install a'))!), false);
  assert.equal(aptCall(cmd('aptitude install a')), undefined);
  assert.deepEqual(['a=1', 'a/bookworm', './x.deb', 'a'].map((v) => aptPinned(w(v))), [true, true, true, false]);
});

test('apk: values of --virtual and --repository are not packages', () => {
  const call = apkCall(cmd('apk add --no-cache -t .deps --repository http://x/edge a b=1'))!;
  assert.deepEqual(values(call.operands), ['a', 'b=1']);
  assert.deepEqual(['a=1', 'a~1.2', 'a>1', 'a<2', 'x.apk', 'a'].map((v) => apkPinned(w(v))), [true, true, true, true, true, false]);
});

test('rpm: versions are recognised, java-11-openjdk is a name', () => {
  const pinned = ['nginx-1.24.0', 'nginx-1.24.0-1.el9', 'nodejs-1:18.19.0', 'java-11-openjdk-11.0.20.0.8', 'x.rpm', 'https://h/x'];
  const unpinned = ['java-11-openjdk', 'gcc-c++', 'python3.11', 'compat-openssl10', 'java-1.8.0-openjdk'];
  for (const v of pinned) assert.equal(rpmPinned(w(v)), true, v);
  for (const v of unpinned) assert.equal(rpmPinned(w(v)), false, v);
  assert.deepEqual(values(rpmUnpinned(yumCall(cmd('yum --enablerepo epel install -y a @grp b-1.0'))!)), ['a']);
  assert.deepEqual(values(rpmUnpinned(dnfCall(cmd('dnf module install -y nodejs perl:5.32'))!)), ['nodejs']);
  assert.deepEqual(values(rpmUnpinned(dnfCall(cmd('dnf groupinstall -y Tools'))!)), []);
  assert.equal(rpmInstallWord(dnfCall(cmd('microdnf group install x'))!)?.value, 'install');
  assert.equal(rpmInstallWord(yumCall(cmd('yum remove x'))!), undefined);
  assert.equal(rpmCleanAll(cmd('microdnf clean all')), true);
  assert.equal(rpmCleanAll(cmd('yum clean metadata')), false);
  assert.equal(dnfCall(cmd('dnf5 install x'))?.tool, 'dnf5');
});

test('zypper: global and command options differ', () => {
  const call = zypperCall(cmd('zypper -t --root /r in -t pattern -r oss devel'))!;
  assert.equal(call.sub?.value, 'in');
  assert.deepEqual(values(call.operands), ['devel']);
  assert.deepEqual(call.parsed.options.map((o) => [o.name, o.value ?? null]), [['t', null], ['root', '/r'], ['t', 'pattern'], ['r', 'oss']]);
  assert.deepEqual(['a=1', 'a>=1', 'a<2', 'x.rpm', 'a'].map((v) => zypperPinned(w(v))), [true, true, true, true, false]);
});

test('npm: every install alias, scoped names, refs', () => {
  for (const s of ['install', 'i', 'add', 'isntall', 'in']) assert.ok(npmInstall(cmd(`npm ${s} a`)), s);
  assert.equal(npmInstall(cmd('npm run install')), undefined);
  assert.equal(npmInstall(cmd('npm ci')), undefined);
  assert.deepEqual(values(npmInstall(cmd('npm i --registry http://r -w app a'))!.operands), ['a']);
  const pinned = ['a@1.2.3', '@s/a@^1', './x', '~/x', 'file:../x', 'x.tgz', 'github:u/r#v1', 'u/r#abc', 'git+https://h/r.git#v1'];
  const unpinned = ['a', '@s/a', 'a@latest', 'a@', 'github:u/r', 'u/r', 'git+https://h/r.git'];
  for (const v of pinned) assert.equal(npmPinned(w(v)), true, v);
  for (const v of unpinned) assert.equal(npmPinned(w(v)), false, v);
});

test('gem, go, pip, yarn', () => {
  assert.deepEqual(values(gemPackages(gemInstall(cmd('gem install -s http://s a b:1 -- --with-x'))!)), ['a', 'b:1']);
  assert.deepEqual(values(gemPackages(gemInstall(cmd('gem i a -v 1'))!)), []);
  assert.deepEqual(['a:1', 'x.gem', 'a'].map((v) => gemPinned(w(v))), [true, true, false]);
  assert.deepEqual(values(goPackages(goCall(cmd('go install -o /b ./cmd example.com/a std'))!)), ['example.com/a']);
  assert.deepEqual(values(goPackages(goCall(cmd('go run example.com/a example.com/arg'))!)), ['example.com/a']);
  assert.equal(goCall(cmd('go build example.com/a')), undefined);
  assert.deepEqual(['a.io/x@v1.2.0', 'a.io/x@latest', 'a.io/x@none', 'a.io/x'].map((v) => goPinned(w(v))), [true, false, false, false]);
  assert.deepEqual(values(pipPackages(pipInstall(cmd('python3 -m pip install -r r.txt --index-url http://i a -e . b==1'))!)), ['a', 'b==1']);
  assert.deepEqual(values(pipPackages(pipInstall(cmd('pip install -c c.txt a'))!)), []);
  assert.equal(pipInstall(cmd('uv pip install a'))?.tool, 'uv pip');
  assert.equal(pipInstall(cmd('python -c "import pip" install')), undefined);
  const pinned = ['a==1', "a>=1,<2", 'a~=1.2', '.', './x', 'x.whl', 'git+https://h/r.git@v1'];
  for (const v of pinned) assert.equal(pipPinned(w(v)), true, v);
  for (const v of ['a', 'a[x]', 'git+https://h/r.git']) assert.equal(pipPinned(w(v)), false, v);
  assert.ok(yarnInstall(cmd('yarn --frozen-lockfile')));
  assert.equal(yarnInstall(cmd('yarn build')), undefined);
});
