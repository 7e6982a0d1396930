// The analyst's view of one community: verdict, figures, the daily timeline as a chart (with a table for
// screen readers and anyone who prefers numbers), and every member's figures.

const COLORS = { contribution: '#0b5cad', benefit: '#1b7f3b', organization: '#c46200' };
const day = (iso) => new Date(iso).toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric' });
const pct = (share) => (share === null || share === undefined) ? '—' : `${Math.round(Number(share) * 100)} %`;

export async function renderDashboard(box, id, { api, esc, fmt, cleanup }) {
  let summary; let timeline; let community; let outcomes; let segments; let organization;
  try {
    [summary, timeline, community, outcomes, segments, organization] = await Promise.all([
      api('GET', `/api/analytics/communities/${id}`).then((r) => r.data),
      api('GET', `/api/analytics/communities/${id}/timeline?bucket=day`).then((r) => r.data),
      api('GET', `/api/communities/${id}`).then((r) => r.data),
      api('GET', `/api/communities/${id}/outcomes?limit=100`).then((r) => r.data),
      api('GET', `/api/analytics/communities/${id}/segments`).then((r) => r.data),
      // The organization's figures are for analysts and auditors; anyone else simply does not see them.
      api('GET', '/api/analytics/segments').then((r) => r.data).catch(() => null),
    ]);
  } catch (e) {
    if (e.status === 403) {
      box.innerHTML = '<p class="card" role="alert">Only analysts, auditors and the community\'s own members can see this dashboard. Join the community to see its figures.</p>';
      return;
    }
    throw e;
  }
  const figures = await Promise.all(community.members.map((m) =>
    api('GET', `/api/analytics/communities/${id}/members/${encodeURIComponent(m.memberId)}`)
      .then((r) => ({ ...m, ...r.data })).catch(() => ({ ...m, hidden: true }))));
  const productive = summary.productive;
  box.innerHTML = `
    <h2>${esc(community.name)}</h2>
    <p class="muted">${esc(community.purpose)}</p>
    <div class="verdict ${productive ? 'yes' : 'no'}" id="verdict" role="status">
      <span aria-hidden="true">${productive ? '✔' : '…'}</span>
      <span>${productive ? 'Productive' : 'Not productive yet'}
        <small>${productive
          ? 'The organization benefits, and at least half of the active members get more than they give.'
          : explainNotProductive(summary)}</small></span>
    </div>
    <p><a href="#/audit/${esc(id)}" id="trail-link">How these figures came about, event by event (the trail)</a></p>
    <div class="figures">
      <div class="figure"><span class="value" data-figure="organizationBenefit">${fmt(summary.organizationBenefit)}</span><span class="label">Organization benefit (value of outcomes)</span></div>
      <div class="figure"><span class="value" data-figure="share">${pct(summary.shareBenefitingMore)}</span><span class="label">of active members get more than they give</span></div>
      <div class="figure"><span class="value">${fmt(summary.membersBenefitingMore)}</span><span class="label">members benefiting more</span></div>
      <div class="figure"><span class="value">${fmt(summary.activeMembers)}</span><span class="label">active members</span></div>
    </div>
    <section class="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h" class="flush">How value grew, day by day</h2>
      <p class="muted small">Running totals at the end of each day. Left axis: points members gave and got. Right axis: value of the outcomes the organization recorded.</p>
      <div class="chart-box"><canvas id="timeline-chart" role="img" aria-label="${esc(chartSummary(timeline.points, fmt))}"></canvas></div>
      <details><summary>The timeline as a table</summary>
        <div class="table-wrap"><table><caption class="visually-hidden">Daily timeline</caption>
          <thead><tr><th scope="col">Day</th><th scope="col" class="num">Contribution</th><th scope="col" class="num">Benefit</th><th scope="col" class="num">Organization benefit</th><th scope="col" class="num">Share benefiting more</th><th scope="col">Productive</th></tr></thead>
          <tbody>${timeline.points.map((p) => `<tr><td>${esc(day(p.start))}</td><td class="num">${fmt(p.contribution)}</td><td class="num">${fmt(p.benefit)}</td><td class="num">${fmt(p.organizationBenefit)}</td><td class="num">${pct(p.shareBenefitingMore)}</td><td>${p.productive ? 'yes' : 'no'}</td></tr>`).join('') || '<tr><td colspan="6">No activity yet.</td></tr>'}</tbody>
        </table></div></details>
    </section>
    <section class="card" aria-labelledby="dashboard-outcomes-h">
      <h2 id="dashboard-outcomes-h" class="flush">The outcomes behind the organization benefit</h2>
      ${outcomes.items.length ? `<div class="table-wrap"><table id="dashboard-outcomes"><caption class="visually-hidden">Outcomes, newest first</caption>
        <thead><tr><th scope="col">Outcome</th><th scope="col" class="num">Value</th><th scope="col">Recorded by</th><th scope="col">Day</th><th scope="col">Came from</th></tr></thead>
        <tbody>${outcomes.items.map((o) => `<tr data-outcome="${esc(o.outcomeId)}"><td>${esc(o.description)}</td><td class="num">${fmt(o.value)}</td><td>${esc(o.recordedBy)}</td><td>${esc(day(o.recordedAt))}</td>
          <td>${o.contributions.map((c) => `<a href="#/thread/${esc(c.contributionId)}">${esc(c.title || (c.questionTitle ? `Answer to “${c.questionTitle}”` : c.kind) || 'contribution')}${c.authorId ? ` (${esc(c.authorId)})` : ''}</a>`).join(', ') || '—'}</td></tr>`).join('')}</tbody>
      </table></div>${outcomes.next ? '<p class="muted small">The 100 newest outcomes are shown.</p>' : ''}`
      : '<p class="muted" id="dashboard-outcomes">No outcome recorded yet.</p>'}
    </section>
    ${segmentSection('segments', 'Who benefits: by segment', 'This community’s members by their segment in the organization (a person with several segments counts in each).', segments, esc, fmt)}
    ${organization ? segmentSection('org-segments', 'The whole organization by segment', 'Every community together, each person once (analysts and auditors).', organization, esc, fmt) : ''}
    <section class="card" aria-labelledby="members-h">
      <h2 id="members-h" class="flush">Members</h2>
      <p class="muted small">What each member gave and got; the table below has the same figures.</p>
      <div class="chart-box members-chart" id="members-box">
        <canvas id="members-chart" role="img" aria-label="Bar chart of each member's contribution and benefit; the same figures are in the table below."></canvas></div>
      <div class="table-wrap"><table id="members-table"><caption class="visually-hidden">Members' figures</caption>
        <thead><tr><th scope="col">Member</th><th scope="col">Purpose</th><th scope="col" class="num">Gave</th><th scope="col" class="num">Got</th><th scope="col" class="num">Balance</th><th scope="col" class="num">Ratio</th></tr></thead>
        <tbody>${figures.map((m) => m.hidden
          ? `<tr><th scope="row">${esc(m.memberId)}</th><td>${esc(m.purpose || '')}</td><td colspan="4" class="muted">only visible to analysts and auditors</td></tr>`
          : `<tr data-member="${esc(m.memberId)}"><th scope="row">${esc(m.memberId)}${community.leaders.includes(m.memberId) ? ' <span class="muted small">(leader)</span>' : ''}</th><td>${esc(m.purpose || '')}</td>
             <td class="num">${fmt(m.contribution)}</td><td class="num">${fmt(m.benefit)}</td>
             <td class="num ${Number(m.balance) > 0 ? 'pos' : Number(m.balance) < 0 ? 'neg' : ''}">${Number(m.balance) > 0 ? '+' : ''}${fmt(m.balance)}</td>
             <td class="num">${m.ratio === null ? '—' : `${fmt(m.ratio)}×`}</td></tr>`).join('')}</tbody>
      </table></div>
    </section>`;
  drawChart(document.getElementById('timeline-chart'), timeline.points, cleanup);
  // Set through the CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
  document.getElementById('members-box').style.height = `${Math.max(9, 5 + 3 * figures.filter((m) => !m.hidden).length)}rem`;
  drawMembers(document.getElementById('members-chart'), figures.filter((m) => !m.hidden), cleanup);
  drawSegments(document.getElementById('segments-chart'), segments.segments, cleanup);
  if (organization) drawSegments(document.getElementById('org-segments-chart'), organization.segments, cleanup);
}

const SEGMENT_NAMES = { leader: 'Leaders', manager: 'Managers', employee: 'Employees', remote: 'Remote workers',
  production: 'Production workers', partner: 'Partners', customer: 'Customers', unknown: 'Segment not known' };

/** Figures per segment: a bar chart of what each segment gave and got, and the same as a table. */
function segmentSection(key, title, note, view, esc, fmt) {
  const rows = view.segments;
  return `<section class="card" aria-labelledby="${key}-h">
      <h2 id="${key}-h" class="flush">${esc(title)}</h2>
      <p class="muted small">${esc(note)}</p>
      ${rows.length ? `<div class="chart-box members-chart" id="${key}-box"><canvas id="${key}-chart" role="img" aria-label="${esc(segmentSummary(rows, fmt))}"></canvas></div>` : ''}
      <div class="table-wrap"><table id="${key}-table"><caption class="visually-hidden">${esc(title)}</caption>
        <thead><tr><th scope="col">Segment</th><th scope="col" class="num">Members</th><th scope="col" class="num">Active</th><th scope="col" class="num">Gave</th><th scope="col" class="num">Got</th><th scope="col" class="num">Share benefiting more</th><th scope="col">Gets more than it gives</th></tr></thead>
        <tbody>${rows.map((r) => `<tr data-segment="${esc(r.segment)}"><th scope="row">${esc(SEGMENT_NAMES[r.segment] || r.segment)}</th>
          <td class="num">${fmt(r.members)}</td><td class="num">${fmt(r.activeMembers)}</td><td class="num">${fmt(r.contribution)}</td><td class="num">${fmt(r.benefit)}</td>
          <td class="num">${pct(r.shareBenefitingMore)}</td><td data-benefits="${r.benefitsMoreThanItBrings}">${r.benefitsMoreThanItBrings ? 'yes' : 'no'}</td></tr>`).join('')
          || '<tr><td colspan="7">No member yet.</td></tr>'}</tbody>
      </table></div>
    </section>`;
}

function segmentSummary(rows, fmt) {
  const better = rows.filter((r) => r.benefitsMoreThanItBrings).map((r) => SEGMENT_NAMES[r.segment] || r.segment);
  return `Bar chart of what each segment gave and got. ${better.length ? `Getting more than they give: ${better.join(', ')}.` : 'No segment gets more than it gives yet.'} The same figures are in the table below.`;
}

function drawSegments(canvas, rows, cleanup) {
  if (!window.Chart || !canvas) return;
  // Through the CSSOM, as the members' chart: the Content-Security-Policy allows no inline styles.
  canvas.parentElement.style.height = `${Math.max(9, 5 + 3 * rows.length)}rem`;
  drawGaveAndGot(canvas, rows.map((r) => SEGMENT_NAMES[r.segment] || r.segment), rows, cleanup);
}

function drawMembers(canvas, members, cleanup) {
  if (!window.Chart || !canvas) return;
  if (!members.length) { canvas.parentElement.remove(); return; }
  drawGaveAndGot(canvas, members.map((m) => m.memberId), members, cleanup);
}

/** A horizontal bar chart of what each row (a member, a segment) gave and got. */
function drawGaveAndGot(canvas, labels, rows, cleanup) {
  const bars = (label, key, color) => ({ label, data: rows.map((r) => Number(r[key])), backgroundColor: color, borderRadius: 4, maxBarThickness: 22 });
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [bars('Gave (contribution)', 'contribution', COLORS.contribution), bars('Got (benefit)', 'benefit', COLORS.benefit)],
    },
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, font: { size: 13 } } } },
      scales: { x: { beginAtZero: true, title: { display: true, text: 'Points' } }, y: { grid: { display: false } } },
    },
  });
  cleanup.push(() => chart.destroy());
}

function explainNotProductive(s) {
  const reasons = [];
  if (!(Number(s.organizationBenefit) > 0)) reasons.push('no outcome for the organization has been recorded yet');
  if (!(Number(s.shareBenefitingMore) >= 0.5)) reasons.push('fewer than half of the active members get more than they give');
  return reasons.length ? `Because ${reasons.join(', and ')}.` : '';
}

function chartSummary(points, fmt) {
  if (!points.length) return 'Timeline chart: no activity yet.';
  const last = points[points.length - 1];
  return `Timeline chart over ${points.length} day${points.length === 1 ? '' : 's'}: by ${day(last.start)}, members gave ${fmt(last.contribution)} points and got ${fmt(last.benefit)}; organization benefit ${fmt(last.organizationBenefit)}. The same data is in the table below.`;
}

function drawChart(canvas, points, cleanup) {
  if (!window.Chart || !canvas) return;
  // Running totals start from nothing: a zero point the day before makes even a single day a visible line.
  const series = points.length ? [{ start: new Date(new Date(points[0].start).getTime() - 86400000).toISOString(),
    contribution: 0, benefit: 0, organizationBenefit: 0, shareBenefitingMore: null }, ...points] : [];
  const line = (label, key, color, axis, dash) => ({
    label, data: series.map((p) => Number(p[key])), borderColor: color, backgroundColor: color,
    yAxisID: axis, borderWidth: 3, pointRadius: 4, pointHoverRadius: 7, tension: 0.25, borderDash: dash || [],
  });
  const chart = new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: series.map((p) => day(p.start)),
      datasets: [
        line('Benefit (members got)', 'benefit', COLORS.benefit, 'points'),
        line('Contribution (members gave)', 'contribution', COLORS.contribution, 'points'),
        line('Organization benefit', 'organizationBenefit', COLORS.organization, 'value', [8, 5]),
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, font: { size: 13 } } },
        tooltip: {
          callbacks: {
            footer: (items) => {
              const share = series[items[0].dataIndex].shareBenefitingMore;
              return share === null || share === undefined ? '' : `${Math.round(share * 100)} % of active members benefit more`;
            },
          },
        },
      },
      scales: {
        x: { title: { display: true, text: 'Day' }, grid: { display: false } },
        points: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'Points (members)' } },
        value: { type: 'linear', position: 'right', beginAtZero: true, title: { display: true, text: 'Organization benefit', color: COLORS.organization }, ticks: { color: COLORS.organization }, grid: { drawOnChartArea: false } },
      },
    },
  });
  cleanup.push(() => chart.destroy());
}
