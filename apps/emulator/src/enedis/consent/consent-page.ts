/**
 * HTML of the emulated Enedis consent page ("mon compte particulier"). Plain server-rendered HTML with
 * inline CSS and no script: it must work in Playwright, on a phone and without network access.
 */
import { formatOffpeakText } from '../meters/offpeak.ts';
import type { MeterGroup } from '../meters/catalogue.ts';
import type { MeterDefinition } from '../meters/types.ts';

/** The authorize parameters echoed into the form as hidden fields. */
export interface AuthorizeParams {
  client_id: string;
  response_type: string;
  duration: string;
  state?: string | undefined;
  redirect_uri?: string | undefined;
}

export interface ConsentPageInput {
  action: string;
  params: AuthorizeParams;
  groups: MeterGroup[];
  preselected: ReadonlySet<string>;
  /** Shown above the form, e.g. "select at least one meter". */
  message?: string | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f9;color:#1d2633;line-height:1.45}
header{background:#1f3a93;color:#fff;padding:14px 18px}
header strong{font-size:1.1rem}
header span{display:block;font-size:.85rem;opacity:.85}
main{max-width:680px;margin:0 auto;padding:16px}
.intro{background:#fff;border-radius:10px;padding:14px 16px;margin-bottom:14px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.message{background:#fdecea;color:#8a1c12;border-radius:8px;padding:10px 14px;margin-bottom:14px}
fieldset{background:#fff;border:0;border-radius:10px;margin:0 0 12px;padding:12px 16px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
legend{font-weight:600;padding:0;float:left;width:100%}
.description{clear:both;color:#5a6578;font-size:.9rem;margin:2px 0 8px}
label{display:flex;gap:12px;align-items:flex-start;padding:10px 0;border-top:1px solid #eef1f5;cursor:pointer}
input[type=checkbox]{width:22px;height:22px;margin:2px 0 0;flex:none}
.prm{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
.details{display:block;color:#5a6578;font-size:.85rem}
.actions{position:sticky;bottom:0;background:#f4f6f9;padding:12px 0;display:flex;gap:10px;flex-wrap:wrap}
button{flex:1 1 200px;font-size:1rem;padding:14px;border-radius:8px;border:0;cursor:pointer}
.accept{background:#1f3a93;color:#fff}
.refuse{background:#fff;color:#1f3a93;border:1px solid #1f3a93}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:8px 0 0;font-size:.9rem}
dt{color:#5a6578}dd{margin:0;word-break:break-all}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><strong>Enedis — Espace client (émulateur)</strong><span>Partage de vos données de comptage</span></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** `P36M` → "36 mois", `P1Y4M` → "1 an 4 mois"; falls back to the raw text. */
export function describeDuration(duration: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!match) {
    return duration;
  }
  const units: Array<[string | undefined, string, string]> = [
    [match[1], 'an', 'ans'],
    [match[2], 'mois', 'mois'],
    [match[3], 'semaine', 'semaines'],
    [match[4], 'jour', 'jours'],
  ];
  const parts = units
    .filter(([n]) => n !== undefined && n !== '0')
    .map(([n, one, many]) => `${n} ${n === '1' ? one : many}`);
  return parts.length > 0 ? parts.join(' ') : duration;
}

function meterDetails(meter: MeterDefinition): string {
  const directions = meter.netMetering
    ? 'Autoconsommation (consommation et production)'
    : meter.directions.map((d) => (d === 'consumption' ? 'Consommation' : 'Production')).join(' et ');
  const parts = [directions, `${meter.subscribedKva} kVA`, formatOffpeakText(meter.offpeakHours) ?? 'Base'];
  if (!meter.loadCurve) {
    parts.push('sans courbe de charge');
  }
  parts.push(`${meter.address.postalCode} ${meter.address.city}`);
  return parts.join(' · ');
}

function renderGroup(group: MeterGroup, preselected: ReadonlySet<string>): string {
  const rows = group.meters
    .map(
      (
        meter,
      ) => `<label><input type="checkbox" name="usage_point_id" value="${meter.prm}"${preselected.has(meter.prm) ? ' checked' : ''}>
<span><span class="prm">${meter.prm}</span> — ${escapeHtml(meter.label)}<span class="details">${escapeHtml(meterDetails(meter))}</span></span></label>`,
    )
    .join('\n');
  return `<fieldset><legend>${escapeHtml(group.title)}</legend><p class="description">${escapeHtml(group.description)}</p>
${rows}
</fieldset>`;
}

/** The consent form: tick meters, then "Autoriser" or "Refuser". */
export function renderConsentPage(input: ConsentPageInput): string {
  const { params } = input;
  const hidden = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  const message = input.message ? `<div class="message" role="alert">${escapeHtml(input.message)}</div>` : '';
  return layout(
    'Autoriser le partage de mes données',
    `<section class="intro">
<h1 style="font-size:1.2rem;margin:0 0 6px">Autoriser le partage de mes données</h1>
<p style="margin:0">L'application <strong>${escapeHtml(params.client_id)}</strong> demande l'accès aux données de consommation et de production des compteurs que vous cochez.</p>
<dl><dt>Durée</dt><dd>${escapeHtml(describeDuration(params.duration))}</dd>
<dt>Retour vers</dt><dd>${escapeHtml(params.redirect_uri ?? 'adresse enregistrée de l’application')}</dd></dl>
</section>
${message}
<form method="post" action="${escapeHtml(input.action)}">
${hidden}
${input.groups.map((group) => renderGroup(group, input.preselected)).join('\n')}
<div class="actions">
<button class="accept" type="submit" name="decision" value="accept">Autoriser le partage</button>
<button class="refuse" type="submit" name="decision" value="refuse">Refuser</button>
</div>
</form>`,
  );
}

/** Error page of the consent flow (bad parameters, unknown application). */
export function renderErrorPage(error: string, description: string): string {
  return layout(
    'Erreur',
    `<section class="intro"><h1 style="font-size:1.2rem;margin:0 0 6px">La demande de consentement est invalide</h1>
<p><strong>${escapeHtml(error)}</strong></p><p>${escapeHtml(description)}</p></section>`,
  );
}
