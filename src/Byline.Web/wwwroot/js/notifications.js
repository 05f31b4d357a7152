// The signed-in reader's choice for a story's discussion (follow / mute), shown and changed in place. Without this
// module the "Follow this discussion" link leads to a small page with a form that does the same.

const holder = document.querySelector('[data-subscription]');
const signedIn = document.body.dataset.signedIn === 'true';

const labels = {
    none: 'You get replies to your comments and mentions of you.',
    follow: 'You follow this discussion: every new comment is in your notifications.',
    mute: 'This discussion is muted for you: no notices at all.',
};

async function load(slug) {
    const response = await fetch(`/api/v1/me/subscriptions/${encodeURIComponent(slug)}`, {
        headers: { Accept: 'application/json' }, credentials: 'same-origin',
    });
    return response.ok ? (await response.json()).mode : null;
}

async function save(slug, mode) {
    const response = await fetch(`/api/v1/me/subscriptions/${encodeURIComponent(slug)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ mode }),
    });
    return response.ok ? (await response.json()).mode : null;
}

function render(slug, mode) {
    const group = document.createElement('div');
    group.className = 'subscription-control';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Notifications for this discussion');
    const follow = document.createElement('button');
    follow.type = 'button';
    follow.className = 'button button-secondary';
    follow.textContent = mode === 'follow' ? 'Following' : 'Follow this discussion';
    follow.setAttribute('aria-pressed', String(mode === 'follow'));
    const mute = document.createElement('button');
    mute.type = 'button';
    mute.className = 'button button-secondary';
    mute.textContent = mode === 'mute' ? 'Muted' : 'Mute';
    mute.setAttribute('aria-pressed', String(mode === 'mute'));
    const status = document.createElement('span');
    status.className = 'subscription-status';
    status.setAttribute('role', 'status');
    status.textContent = labels[mode] ?? '';
    async function choose(target) {
        follow.disabled = mute.disabled = true;
        const saved = await save(slug, target);
        if (saved) {
            render(slug, saved);
            holder.querySelector(saved === 'mute' ? '.subscription-control button:last-of-type' : '.subscription-control button')?.focus();
        } else {
            status.textContent = 'That did not work. Please try again.';
            follow.disabled = mute.disabled = false;
        }
    }
    follow.addEventListener('click', () => choose(mode === 'follow' ? 'none' : 'follow'));
    mute.addEventListener('click', () => choose(mode === 'mute' ? 'none' : 'mute'));
    group.append(follow, mute, status);
    holder.replaceChildren(group);
}

if (holder && signedIn) {
    const slug = holder.dataset.subscription;
    load(slug).then(mode => { if (mode) { render(slug, mode); } }).catch(() => {});
}
