import { createHash } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { datasetBody } from "@/lib/data/datasetBody";
import { loadIndexedDataset } from "@/lib/data/loadDataset";
import { fromOutside, outsideFacts } from "@/lib/model/provenance";
import type { StanceType } from "@/lib/model/schema";
import { STANCE_TYPES } from "@/lib/model/vocabulary";
import { STANCE_LABEL } from "@/lib/select/wording";
import { formatDate } from "@/lib/time";
import { webLink } from "@/lib/util/webLink";

export const metadata: Metadata = {
  title: "About the data — Stance Atlas",
  description:
    "The five news reports behind Stance Atlas, how their statements are coded, which facts come from outside the reports, and how to cite the dataset.",
};

/** What counts as each stance type (data/README.md, "stances"), in a sentence a reader can check a record by. */
const COUNTS_AS: Record<StanceType, string> = {
  condemn: "An explicit condemnation: the report says the actor condemned (or condemns) the target.",
  criticize: "Criticism or accusation short of a condemnation (“grossly illegal”, “a violation”).",
  protest: "A formal diplomatic protest, such as summoning the target's ambassador.",
  support: "Backing, cooperation, aid or a pledge of help.",
  defend: "Defending the target's actions against criticism.",
  praise: "Commending the target.",
  celebrate: "Hailing or congratulating the target on an attack.",
  thank: "Thanking the target.",
  condole: "Offering condolences.",
  designate: "Designating the target a terrorist organization.",
  dispute: "A fact-checker rating the target's claim false (from the reviewer to the claimant).",
  warn: "Warning of consequences without threatening one's own action.",
  threaten: "Threatening one's own retaliation.",
};

const versions = new WeakMap<object, string>();
/** The dataset's version: the start of the SHA-256 of its served JSON, hashed once per loaded dataset. */
function versionOf(data: object & Parameters<typeof datasetBody>[0]): string {
  let v = versions.get(data);
  if (!v)
    versions.set(data, (v = createHash("sha256").update(datasetBody(data).json).digest("hex").slice(0, 12)));
  return v;
}

/**
 * About the data: the five reports (publisher, title, date, original address, how each was located, the
 * document's SHA-256), the coding rules, the provenance rule, a citation and the licence. A Server Component
 * over the loaded dataset (the one the dashboard serves, `STANCE_ATLAS_DATASET` included): no copy of it.
 */
export default function AboutPage() {
  const index = loadIndexedDataset();
  const { data } = index;
  const version = versionOf(data);
  const cameoOf = new Map<string, Set<string>>();
  for (const s of data.stances) {
    const codes = cameoOf.get(s.type) ?? new Set<string>();
    codes.add(s.cameo);
    cameoOf.set(s.type, codes);
  }
  const types = STANCE_TYPES.filter((t) => cameoOf.has(t));
  const outside = {
    events: data.events.filter(fromOutside).length,
    stances: data.stances.filter(fromOutside).length,
    quotes: data.quotes.filter(fromOutside).length,
  };
  const dates = [...data.events.map((e) => e.date)].sort();
  const first = dates[0]?.slice(0, 4);
  const last = dates[dates.length - 1]?.slice(0, 4);
  const latestReport = data.sources.reduce<string | null>(
    (max, s) => (max === null || s.published > max ? s.published : max),
    null,
  );

  return (
    <>
      <header className="site-header">
        <p className="about-back">
          <Link href="/">← Back to the dashboard</Link>
        </p>
        <h1>About the data</h1>
        <p className="lede">
          Where every mark of Stance Atlas comes from: {data.sources.length} news reports,{" "}
          {data.events.length} events, {data.stances.length} stances and {data.quotes.length} quotes coded
          from them.
        </p>
      </header>
      <main className="about">
        <nav aria-label="On this page">
          <ul className="about-toc">
            <li>
              <a href="#reports">The reports</a>
            </li>
            <li>
              <a href="#coding">How statements are coded</a>
            </li>
            <li>
              <a href="#provenance">Provenance</a>
            </li>
            <li>
              <a href="#cite">How to cite</a>
            </li>
            <li>
              <a href="#licence">Licence</a>
            </li>
          </ul>
        </nav>

        <section aria-labelledby="reports">
          <h2 id="reports">The {data.sources.length} reports</h2>
          <p>
            Every record rests on one of these reports and carries its words verbatim. The documents
            themselves are not part of this site; each one’s SHA-256 lets anyone holding a copy check that it
            is the same text.
          </p>
          {data.sources.map((s) => {
            const records = index.recordsBySource.get(s.id);
            const count = records
              ? records.events.length + records.stances.length + records.quotes.length
              : 0;
            const inferred = outsideFacts(s);
            return (
              <article
                key={s.id}
                id={`source-${s.id}`}
                className="about-source"
                aria-labelledby={`source-${s.id}-title`}
                data-testid="about-source"
              >
                <h3 id={`source-${s.id}-title`}>{s.title}</h3>
                <dl className="source-meta">
                  <dt>Publisher</dt>
                  <dd>{s.publisher}</dd>
                  <dt>Published</dt>
                  <dd>
                    {formatDate(s.published, s.datePrecision)}
                    {s.dateNote && <span className="about-note"> {s.dateNote}</span>}
                  </dd>
                  <dt>Original article</dt>
                  <dd>
                    {s.url && !webLink(s.url) ? (
                      `${s.url} (not a web link)`
                    ) : s.url ? (
                      <a href={s.url} rel="noopener noreferrer">
                        {s.url}
                      </a>
                    ) : (
                      "not located"
                    )}
                  </dd>
                  {s.note && (
                    <>
                      <dt>How it was located</dt>
                      <dd>{s.note}</dd>
                    </>
                  )}
                  {inferred.length > 0 && (
                    <>
                      <dt>Not stated in the document</dt>
                      <dd>
                        <ul className="about-facts">
                          {inferred.map((f, i) => (
                            <li key={i}>
                              <span className="outside-dot" aria-hidden="true" />
                              <strong>{f.label}:</strong> {f.note}
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </>
                  )}
                  <dt>Document</dt>
                  <dd>
                    <code>{s.document}</code>
                  </dd>
                  <dt>SHA-256</dt>
                  <dd>
                    <code className="about-hash">{s.sha256 ?? "not recorded"}</code>
                  </dd>
                  <dt>Records</dt>
                  <dd>
                    {count} {count === 1 ? "record rests" : "records rest"} on it
                  </dd>
                </dl>
              </article>
            );
          })}
        </section>

        <section aria-labelledby="coding">
          <h2 id="coding">How statements are coded</h2>
          <p>
            An <strong>event</strong> is a dated happening a report mentions (a strike, a call, a meeting). A{" "}
            <strong>stance</strong> is one actor’s position toward another, of one type; when one sentence
            carries two positions there are two stances. A <strong>quote</strong> is a person’s or an
            institution’s words as the report quotes them. Each carries the report’s sentence it rests on,
            word for word, and a CAMEO event code. A type is given only where the report’s words carry it: a
            condemnation only where a report says so.
          </p>
          <table className="about-table">
            <caption>Stance types, what counts as each, and the CAMEO codes the dataset uses for it</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">What counts</th>
                <th scope="col">CAMEO</th>
              </tr>
            </thead>
            <tbody>
              {types.map((t) => (
                <tr key={t}>
                  <th scope="row">{STANCE_LABEL[t]}</th>
                  <td>{COUNTS_AS[t]}</td>
                  <td>{[...cameoOf.get(t)!].sort().join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Dates are calendar dates in UTC, as precise as the report allows (a day, a month or a year). Where
            the report only implies a date (“on Monday”, “two days after”), the record says how it was worked
            out.
          </p>
        </section>

        <section aria-labelledby="provenance">
          <h2 id="provenance">Provenance</h2>
          <p>
            Everything a record says comes from its report, unless the record says otherwise. Where a fact
            comes from outside the reports (a date from other reporting, a target known from elsewhere), the
            record lists it with a short note, and every view marks it with a dot{" "}
            <span className="outside-dot" aria-hidden="true" />
            and shows the note: the timeline’s mark and its tooltip and table, the network’s arrow and its
            list of stances, the quote card and the evidence panel. The filter “Only what the reports state”
            (the link key <code>provenance=reports</code>) hides these records in all three views.
          </p>
          <p>
            Now marked: {outside.events} {outside.events === 1 ? "event" : "events"}, {outside.stances}{" "}
            {outside.stances === 1 ? "stance" : "stances"} and {outside.quotes}{" "}
            {outside.quotes === 1 ? "quote" : "quotes"}.
          </p>
          <p>
            A report’s publisher or title that its document does not state was located from public copies of
            the same page; that is said with the report above and in the evidence panel. It does not mark the
            records citing the report, whose words are the report’s own.
          </p>
        </section>

        <section aria-labelledby="cite">
          <h2 id="cite">How to cite</h2>
          <p>Please cite the dataset with its version, which changes whenever its content does:</p>
          <blockquote className="about-citation" data-testid="about-citation">
            Stance Atlas: Russia’s stances toward Iran across four escalations, {first}–{last} [data set],
            version {version}
            {latestReport && <>, built from news reports published up to {formatDate(latestReport, "day")}</>}
            . Accessed [date].
          </blockquote>
          <p>
            The version is the start of the SHA-256 of the dataset as this site serves it (
            <a href="/dataset.json">/dataset.json</a>).
          </p>
        </section>

        <section aria-labelledby="licence">
          <h2 id="licence">Licence</h2>
          <p>
            The code and the coding (ids, types, dates, notes) declare no licence: the repository has no
            licence file and its package is marked private, so no rights are granted beyond reading them here.
          </p>
          <p>
            The excerpts and quotations are short passages from the reports, quoted for commentary and
            criticism; their copyright stays with their publishers. The dataset never holds a whole article.
          </p>
        </section>

        <p className="about-back">
          <Link href="/">← Back to the dashboard</Link>
        </p>
      </main>
    </>
  );
}
