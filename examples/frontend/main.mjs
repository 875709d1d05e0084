// A frontend's view of the demo: it fetches problem documents, loads the Fluent source
// the server serves for the language, and words each problem itself — keyed by `code`,
// with the document's members as arguments — then compares its words with the server's.
//
//   node main.mjs [base URL, default http://127.0.0.1:8080] [locales, default all five]
//
// Plain ES modules; the only dependency is @fluent/bundle (npm install).
import { FluentBundle, FluentResource } from "@fluent/bundle";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const locales = process.argv[3]?.split(",") ?? ["en", "fr", "de", "es", "ar"];

/** The bundle a frontend keeps per language, loaded from the server's own messages. */
async function bundleFor(locale) {
  const response = await fetch(`${base}/problems/messages/${locale}.ftl`);
  if (!response.ok) throw new Error(`${locale}.ftl: ${response.status}`);
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(await response.text()));
  if (errors.length) throw new Error(`${locale}.ftl: ${errors.join("; ")}`);
  return bundle;
}

/** Formats message `id` (or its `attribute`) with `args`; undefined when it cannot. */
function word(bundle, id, attribute, args) {
  const message = bundle.getMessage(id);
  const pattern = attribute ? message?.attributes?.[attribute] : message?.value;
  if (!pattern) return undefined;
  const errors = [];
  const text = bundle.formatPattern(pattern, args, errors);
  // A missing argument: the server sends the message's argument-free twin instead.
  if (errors.length) return word(bundle, id, attribute ? `${attribute}-generic` : "generic", {});
  return text;
}

/** The problems a frontend meets: a missing user, a form with faults, an outage. */
const requests = [
  ["GET", "/users/42"],
  ["POST", "/users", { name: "", email: "x", password: "short", age: 12 }],
  ["GET", "/exports"],
];

let mismatches = 0;
for (const locale of locales) {
  const bundle = await bundleFor(locale);
  for (const [method, path, body] of requests) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "Accept-Language": locale, "Content-Type": "application/json" },
      body: body && JSON.stringify(body),
    });
    const problem = await response.json();
    const checks = [
      ["title", problem.title, word(bundle, problem.code, null, problem)],
      ["detail", problem.detail, word(bundle, problem.code, "detail", problem)],
    ];
    for (const entry of problem.errors ?? []) {
      checks.push([`${entry.pointer} detail`, entry.detail, word(bundle, entry.code, null, entry)]);
    }
    for (const [what, server, client] of checks) {
      const same = server === client;
      if (!same) mismatches += 1;
      console.log(`${same ? "same" : "DIFFERENT"}  ${locale} ${problem.code} ${what}: ${client}`);
      if (!same) console.log(`      the server said: ${server}`);
    }
  }
}
if (mismatches) {
  console.error(`${mismatches} texts differ from the server's`);
  process.exit(1);
}
console.log("every title and detail worded client-side is the server's");
