// Votes and sorting, enhanced. The page is shared by every reader (and cached for guests), so it carries no one's
// votes: a signed-in reader's own votes come from /api/v1/me/votes and mark the buttons here. Without this module the
// "Vote" link leads to a small page with forms, and the sort links are plain links.

const discussion = document.querySelector('section.discussion[data-article]');
const signedIn = document.body.dataset.signedIn === 'true';
const sortKey = 'byline.discussionSort';

function plural(n) {
    return Math.abs(n) === 1 ? 'point' : 'points';
}

function showScore(box, vote) {
    box.querySelector('.score-value').textContent = String(vote.score);
    box.querySelector('.score-unit').textContent = plural(vote.score);
    box.querySelector('.comment-score').title = `${vote.upVotes} up, ${vote.downVotes} down`;
    markPressed(box, vote.vote);
}

function markPressed(box, value) {
    for (const button of box.querySelectorAll('button.vote-button')) {
        button.setAttribute('aria-pressed', String(Number(button.dataset.vote) === value));
    }
}

// Buttons replace the "Vote" link for signed-in readers (guests keep the link, which asks them to sign in).
function enhance(root) {
    if (!signedIn) {
        return;
    }
    const downVotes = discussion?.dataset.downVotes === 'true';
    for (const box of root.querySelectorAll('.comment-votes')) {
        for (const button of box.querySelectorAll('button.vote-button')) {
            button.hidden = button.classList.contains('vote-down') && !downVotes;
        }
        const link = box.querySelector('a.comment-vote');
        if (link) {
            link.hidden = true;
        }
    }
}

async function loadMine() {
    if (!signedIn || !discussion) {
        return;
    }
    try {
        const response = await fetch(`/api/v1/me/votes?article=${encodeURIComponent(discussion.dataset.article)}`,
            { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) {
            return;
        }
        const { votes } = await response.json();
        for (const { commentId, value } of votes) {
            const box = document.querySelector(`.comment-votes[data-comment-id="${commentId}"]`);
            if (box) {
                markPressed(box, value);
            }
        }
    } catch {
        // The buttons still work; they just do not show earlier votes.
    }
}

function announce(box, text) {
    let status = box.querySelector('.vote-status');
    if (!status) {
        status = document.createElement('span');
        status.className = 'vote-status';
        status.setAttribute('role', 'status');
        box.append(status);
    }
    status.textContent = text;
}

async function vote(button) {
    const box = button.closest('.comment-votes');
    const id = box.dataset.commentId;
    const pressed = button.getAttribute('aria-pressed') === 'true';
    if (box.getAttribute('aria-busy') === 'true') {
        return;
    }
    box.setAttribute('aria-busy', 'true');
    try {
        const response = await fetch(`/api/v1/comments/${id}/vote`, {
            method: pressed ? 'DELETE' : 'PUT',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            credentials: 'same-origin',
            body: pressed ? undefined : JSON.stringify({ value: Number(button.dataset.vote) }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
            showScore(box, body);
            announce(box, '');
        } else {
            announce(box, body.detail ?? 'Your vote could not be counted.');
        }
    } catch {
        announce(box, 'Your vote could not be sent. Check your connection.');
    } finally {
        box.removeAttribute('aria-busy');
    }
}

// A guest's sort choice lives in this browser; a signed-in reader's is remembered by the server.
function rememberSort(link) {
    if (!signedIn) {
        try {
            localStorage.setItem(sortKey, link.dataset.sort);
        } catch {
            // Storage may be unavailable (private mode); the link works anyway.
        }
    }
}

async function followRememberedSort() {
    if (signedIn || !discussion || new URL(window.location.href).searchParams.has('sort')) {
        return;
    }
    let saved = null;
    try {
        saved = localStorage.getItem(sortKey);
    } catch {
        return;
    }
    const current = discussion.querySelector('.thread-list')?.dataset.sort;
    const link = discussion.querySelector(`.sort-control a[data-sort="${saved}"]`);
    if (!saved || !link || saved === current) {
        return;
    }
    try {
        const response = await fetch(link.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) {
            return;
        }
        const page = new DOMParser().parseFromString(await response.text(), 'text/html');
        for (const selector of ['.sort-control', '.thread-list']) {
            const fresh = page.querySelector(selector);
            const old = discussion.querySelector(selector);
            if (fresh && old) {
                old.replaceWith(document.adoptNode(fresh));
            }
        }
        enhance(discussion);
    } catch {
        // The page keeps the order it came with.
    }
}

document.addEventListener('click', (event) => {
    if (event.defaultPrevented || !(event.target instanceof Element)) {
        return;
    }
    const button = event.target.closest('button.vote-button');
    if (button) {
        event.preventDefault();
        vote(button);
        return;
    }
    const sortLink = event.target.closest('.sort-control a[data-sort]');
    if (sortLink) {
        rememberSort(sortLink);
    }
});

// Threads appended by "More comments" (or swapped in for another order) get buttons and marks too.
let refresh = 0;
if (discussion) {
    new MutationObserver((records) => {
        let added = false;
        for (const record of records) {
            for (const node of record.addedNodes) {
                if (node instanceof Element && node.querySelector('.comment-votes')) {
                    enhance(node);
                    added = true;
                }
            }
        }
        if (added) {
            clearTimeout(refresh);
            refresh = setTimeout(loadMine, 50);
        }
    }).observe(discussion, { childList: true, subtree: true });
}

if (discussion) {
    enhance(document);
    loadMine();
    followRememberedSort();
}
