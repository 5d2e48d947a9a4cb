// Validates deployment files without a cluster or a Docker engine (tests/Deploy.Tests runs it):
//   node validate.mjs k8s <manifests.yaml | ->   every document against the Kubernetes 1.33 schemas
//                                                 (kubernetes-models) and KEDA's (@kubernetes-models/keda)
//   node validate.mjs dockerfile <Dockerfile>     dockerfile-utils' linter plus the image rules below
// Prints one line per problem and exits 1 if there is any; prints "ok: …" and exits 0 otherwise.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAllDocuments } from 'yaml';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';

const require = createRequire(import.meta.url);
const [mode, file] = process.argv.slice(2);
const text = readFileSync(file === '-' || !file ? 0 : file, 'utf8');
const problems = mode === 'k8s' ? kubernetes(text) : mode === 'dockerfile' ? dockerfile(text) : [`unknown mode ${mode}`];
if (problems.length > 0) {
  for (const problem of problems) console.log(problem);
  process.exit(1);
}

function kubernetes(text) {
  const problems = [];
  let count = 0;
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      problems.push(...document.errors.map(e => `YAML: ${e.message}`));
      continue;
    }
    const manifest = document.toJS();
    if (manifest == null) continue;
    count++;
    const name = `${manifest.kind ?? '(no kind)'}/${manifest.metadata?.name ?? '(no name)'}`;
    // kustomize wraps long base64 values; the API server's decoder skips the line breaks, and so does this check.
    if (manifest.kind === 'Secret' && manifest.data)
      for (const key of Object.keys(manifest.data)) manifest.data[key] = String(manifest.data[key]).replace(/\s+/g, '');
    const Model = modelFor(manifest.apiVersion, manifest.kind);
    if (!Model) {
      problems.push(`${name}: no schema for apiVersion ${manifest.apiVersion}, kind ${manifest.kind}`);
      continue;
    }
    const objects = [];
    try {
      Model.prototype.validate.call(tracked(manifest, '', objects));
    } catch (error) {
      const details = (error.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`);
      problems.push(`${name}: ${details.length > 0 ? details.join('; ') : error.message}`);
      continue;
    }
    for (const field of unknownFields(objects)) problems.push(`${name}: ${field} is not a field of the schema`);
  }
  if (problems.length === 0) console.log(`ok: ${count} manifests valid`);
  return problems;
}

// The schemas do not forbid unknown fields, but their compiled validators read every field they know: a field of an
// object the validator never read (and whose keys it never listed, as it does for maps) is unknown, as
// `kubectl apply` (strict field validation) would say.
function tracked(value, path, objects) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => tracked(item, `${path}/${i}`, objects));
  const record = { path, keys: Object.keys(value), read: new Set(), listed: false };
  objects.push(record);
  const target = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, tracked(item, `${path}/${key}`, objects)]));
  return new Proxy(target, {
    get(t, key, receiver) { record.read.add(key); return Reflect.get(t, key, receiver); },
    has(t, key) { record.read.add(key); return Reflect.has(t, key); },
    getOwnPropertyDescriptor(t, key) { record.read.add(key); return Reflect.getOwnPropertyDescriptor(t, key); },
    ownKeys(t) { record.listed = true; return Reflect.ownKeys(t); },
  });
}

function unknownFields(objects) {
  const unknown = objects.filter(o => !o.listed).flatMap(o => o.keys.filter(key => !o.read.has(key)).map(key => `${o.path}/${key}`));
  // Inside an unknown field everything is unknown: name only the outermost.
  return unknown.filter(path => !unknown.some(outer => path.startsWith(outer + '/')));
}

function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const module = apiVersion.startsWith('keda.sh/') ? `@kubernetes-models/keda/${apiVersion}` : `kubernetes-models/${apiVersion}`;
  try {
    return require(module)[kind];
  } catch {
    return undefined;
  }
}

function dockerfile(text) {
  const problems = lintDockerfile(text).map(d => `line ${d.range.start.line + 1}: ${d.message}`);
  const instructions = DockerfileParser.parse(text).getInstructions();
  const lastFrom = instructions.map(i => i.getKeyword()).lastIndexOf('FROM');
  const finalStage = instructions.slice(lastFrom);
  const line = i => `line ${i.getRange().start.line + 1}`;
  for (const from of instructions.filter(i => i.getKeyword() === 'FROM')) {
    const image = from.getArguments()[0]?.getValue() ?? '';
    if (!image.includes('$') && (!image.includes(':') || image.endsWith(':latest')))
      problems.push(`${line(from)}: pin the base image to a tag (${image})`);
  }
  const users = finalStage.filter(i => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArguments()[0]?.getValue();
  if (!user || user === 'root' || user === '0') problems.push('the final stage must run as a non-root USER');
  if (!finalStage.some(i => i.getKeyword() === 'HEALTHCHECK')) problems.push('the final stage has no HEALTHCHECK');
  if (!finalStage.some(i => i.getKeyword() === 'STOPSIGNAL')) problems.push('the final stage has no STOPSIGNAL');
  for (const add of instructions.filter(i => i.getKeyword() === 'ADD'))
    problems.push(`${line(add)}: use COPY, not ADD, for local files`);
  for (const run of instructions.filter(i => i.getKeyword() === 'RUN'))
    if (/\bapt-get install\b(?!.*--no-install-recommends)/.test(run.getTextContent()))
      problems.push(`${line(run)}: apt-get install without --no-install-recommends`);
  if (problems.length === 0) console.log(`ok: ${instructions.length} instructions`);
  return problems;
}
