// The moderation queue, faster: keyboard shortcuts (j/k move, x select, a/r/s approve, reject or mark as spam the current
// comment, A/R/S the selected ones), decisions made
// in place through the moderation API, and new comments added to the list as they arrive.
// Every control is a real form button, so without this module the page posts and reloads instead.

const form = document.getElementById('queue-form');
const list = document.getElementById('queue-list');
const live = document.getElementById('queue-live');
const reasonInput = document.getElementById('reject-reason');

const api = '/api/v1/moderation';
const pollEvery = 10_000;

let current = null;

const items = () => [...list.querySelectorAll('.queue-item')];

function say(text) {
    // Cleared first so that the same words twice are announced twice.
    live.textContent = '';
    requestAnimationFrame(() => { live.textContent = text; });
}

function select(item) {
    current?.classList.remove('is-current');
    current = item;
    if (!item) {
        return;
    }
    item.classList.add('is-current');
    item.focus();
}

function move(step) {
    const all = items();
    if (all.length === 0) {
        return;
    }
    const index = current ? all.indexOf(current) : -1;
    select(all[Math.min(all.length - 1, Math.max(0, index + step))] ?? all[0]);
}

function authorOf(item) {
    return item.querySelector('.comment-author')?.textContent.trim() || 'a reader';
}

function remove(item) {
    const all = items();
    const index = all.indexOf(item);
    const next = all[index + 1] ?? all[index - 1] ?? null;
    item.closest('li')?.remove();
    if (items().length === 0 && !document.querySelector('.queue-next')) {
        // This batch is done: offer the next one, which the server reads afresh.
        const next = document.createElement('p');
        next.className = 'queue-next';
        const link = document.createElement('a');
        link.href = location.pathname + location.search;
        link.textContent = 'Load the next comments in this queue';
        next.append(link);
        list.after(next);
        link.focus();
        current = null;
        updateCount(-1);
        return;
    }
    if (current === item) {
        current = null;
        if (next) {
            select(next);
        } else {
            document.getElementById('queue-keys')?.focus?.();
        }
    }
    updateCount(-1);
}

function updateCount(delta) {
    const counter = document.querySelector(`[data-queue-count="${form.dataset.queue}"]`);
    const match = counter?.textContent.match(/\d+/);
    if (match) {
        counter.textContent = ` (${Math.max(0, Number(match[0]) + delta)})`;
    }
}

const pastTense = { approve: 'Approved', reject: 'Rejected', spam: 'Marked' };
const done = (action, what) => `${pastTense[action]} ${what}${action === 'spam' ? ' as spam' : ''}.`;

async function post(url, body) {
    const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    return { ok: response.ok, json };
}

async function decide(item, action) {
    if (!item || item.dataset.busy) {
        return;
    }
    item.dataset.busy = 'true';
    try {
        const { ok, json } = await post(`${api}/comments/${item.dataset.id}/decision`, {
            action, reason: reasonInput.value, revision: Number(item.dataset.revision),
        });
        if (ok) {
            say(done(action, `the comment by ${authorOf(item)}`));
            remove(item);
        } else {
            say(json?.detail ?? 'That did not work. Reload the page and try again.');
        }
    } catch {
        say('The server could not be reached. Try again.');
    } finally {
        delete item.dataset.busy;
    }
}

async function decideSelected(action) {
    const checked = items().filter(item => item.querySelector('.queue-check').checked);
    if (checked.length === 0) {
        say('Select at least one comment first.');
        return;
    }
    try {
        const { ok, json } = await post(`${api}/decisions`, {
            action, reason: reasonInput.value,
            items: checked.map(item => ({ id: Number(item.dataset.id), revision: Number(item.dataset.revision) })),
        });
        if (!ok) {
            say(json?.detail ?? 'That did not work. Reload the page and try again.');
            return;
        }
        const decided = json.filter(o => !o.error).map(o => String(o.id));
        checked.filter(item => decided.includes(item.dataset.id)).forEach(remove);
        const left = checked.length - decided.length;
        say(done(action, `${decided.length} comment${decided.length === 1 ? '' : 's'}`) +
            (left > 0 ? ` ${left} changed meanwhile and stay for another look.` : ''));
    } catch {
        say('The server could not be reached. Try again.');
    }
}

function isTyping(target) {
    return target instanceof HTMLElement &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && target.type !== 'checkbox');
}

if (form && list) {
    form.addEventListener('submit', event => {
        const [action, id] = (event.submitter?.value ?? '').split(':');
        if (!pastTense[action]) {
            return;
        }
        event.preventDefault();
        if (id) {
            decide(event.submitter.closest('.queue-item'), action);
        } else {
            decideSelected(action);
        }
    });

    document.getElementById('select-all')?.addEventListener('change', event => {
        items().forEach(item => { item.querySelector('.queue-check').checked = event.target.checked; });
    });

    list.addEventListener('focusin', event => {
        const item = event.target.closest('.queue-item');
        if (item && item !== current) {
            current?.classList.remove('is-current');
            current = item;
            item.classList.add('is-current');
        }
    });

    document.addEventListener('keydown', event => {
        if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
            return;
        }
        const keys = {
            j: () => move(1),
            k: () => move(-1),
            x: () => { if (current) { const box = current.querySelector('.queue-check'); box.checked = !box.checked; } },
            a: () => decide(current, 'approve'),
            r: () => decide(current, 'reject'),
            s: () => decide(current, 'spam'),
            A: () => decideSelected('approve'),
            R: () => decideSelected('reject'),
            S: () => decideSelected('spam'),
        };
        const run = keys[event.key];
        if (run) {
            event.preventDefault();
            if (!current && 'arsx'.includes(event.key)) {
                return;
            }
            run();
        }
    });

    // New comments appear as they arrive (first page only: later pages are a fixed window into the queue).
    if (!new URLSearchParams(location.search).has('after')) {
        const seen = new Set(items().map(item => item.dataset.id));
        const query = new URLSearchParams({ queue: form.dataset.queue, order: form.dataset.order, limit: '50' });
        for (const key of ['story', 'reason']) {
            if (form.dataset[key]) {
                query.set(key, form.dataset[key]);
            }
        }
        const poll = async () => {
            try {
                const response = await fetch(`${api}/queue?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
                if (!response.ok) {
                    return;
                }
                const page = await response.json();
                const fresh = page.items.filter(i => !seen.has(String(i.comment.id)));
                if (fresh.length === 0) {
                    return;
                }
                const html = await (await fetch(location.href, { credentials: 'same-origin' })).text();
                const incoming = new DOMParser().parseFromString(html, 'text/html');
                let added = 0;
                for (const i of fresh) {
                    seen.add(String(i.comment.id));
                    const article = incoming.getElementById(`queue-item-${i.comment.id}`);
                    if (!article) {
                        continue;
                    }
                    const li = document.createElement('li');
                    li.append(document.importNode(article, true));
                    if (form.dataset.order === 'oldest') {
                        list.append(li);
                    } else {
                        list.prepend(li);
                    }
                    added++;
                }
                if (added > 0) {
                    document.querySelector('.queue-empty')?.remove();
                    updateCount(added);
                    say(`${added} new comment${added === 1 ? '' : 's'} in the queue.`);
                }
            } catch {
                // Offline for a moment: the next poll tries again.
            }
        };
        setInterval(poll, pollEvery);
    }
}
