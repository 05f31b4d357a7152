// Live discussion: new comments, edits and removals arrive over Server-Sent Events while the reader reads.
// New comments wait behind a polite "Show N new comments" button instead of moving the text under the reader's eyes;
// edits and removals apply in place. EventSource reconnects by itself and sends Last-Event-ID, and the server replays
// what was missed, so a dropped connection loses nothing. Without this module the page is simply static.

const section = document.querySelector('section.discussion[data-live]');
const threads = document.getElementById('threads');

const numberFormat = new Intl.NumberFormat('en-US');
const plural = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

// Comments heard of but not shown yet, in the order they arrived: id -> { event, html }.
const pending = new Map();
let bar = null;
let button = null;
let status = null;

function ensureBar() {
    if (bar) {
        return;
    }
    bar = document.createElement('div');
    bar.className = 'live-updates';
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'button live-show';
    button.hidden = true;
    button.addEventListener('click', showPending);
    bar.append(status, button);
    threads.before(bar);
}

function announcePending() {
    ensureBar();
    const n = pending.size;
    button.hidden = n === 0;
    button.textContent = n === 1 ? 'Show 1 new comment' : `Show ${numberFormat.format(n)} new comments`;
    status.textContent = n === 0 ? '' : (n === 1 ? '1 new comment' : `${numberFormat.format(n)} new comments`);
}

function updateCounts(event) {
    const comments = section.querySelector('.comment-count');
    const feedback = section.querySelector('.feedback-count');
    if (comments) {
        comments.textContent = plural(event.comments, 'Comment', 'Comments');
    }
    if (feedback) {
        feedback.textContent = plural(event.inlineFeedbacks, 'Inline Feedback', 'Inline Feedbacks');
    }
}

async function fetchComment(id) {
    const response = await fetch(`/comments/${id}/fragment`, { headers: { Accept: 'text/html' }, credentials: 'omit' });
    if (!response.ok) {
        return null; // Gone again before we asked (removed, or held after an edit): nothing to show.
    }
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const article = doc.querySelector('article.comment');
    return article ? document.adoptNode(article) : null;
}

function shownComment(id) {
    return document.getElementById(`comment-${id}`);
}

async function added(event) {
    if (shownComment(event.commentId) || pending.has(event.commentId)) {
        return;
    }
    const entry = { event, element: null };
    pending.set(event.commentId, entry);
    entry.element = await fetchComment(event.commentId);
    if (!entry.element) {
        pending.delete(event.commentId);
    }
    announcePending();
}

async function changed(event) {
    const waiting = pending.get(event.commentId);
    if (waiting) {
        waiting.element = await fetchComment(event.commentId) ?? waiting.element;
        return;
    }
    const current = shownComment(event.commentId);
    if (!current) {
        return;
    }
    const fresh = await fetchComment(event.commentId);
    // A reader in the middle of editing this comment keeps their editor; their save brings its own update.
    if (!fresh || ownParts(current).some((e) => e.matches('textarea'))) {
        return;
    }
    // Keep the replies already on the page; take everything else from the server's rendering.
    const replies = current.querySelector(':scope > ol.replies');
    if (replies) {
        fresh.querySelector(':scope > ol.replies')?.remove();
        fresh.append(replies);
    }
    const focused = ownParts(current).includes(document.activeElement) ? document.activeElement : null;
    current.replaceWith(fresh);
    if (focused) {
        // Other scripts add their controls to the new markup first (their observers run before this continues).
        await Promise.resolve();
        const label = focused.getAttribute('aria-label');
        const same = label ? ownParts(fresh).find((e) => e.getAttribute('aria-label') === label) : null;
        if (same) {
            same.focus();
        } else {
            fresh.tabIndex = -1;
            fresh.focus();
        }
    }
}

// The elements of a comment that are its own, not those of its replies.
function ownParts(article) {
    return [...article.querySelectorAll('*')].filter((e) => e.closest('article.comment') === article);
}

function removed(event) {
    if (pending.delete(event.commentId)) {
        announcePending();
        return;
    }
    const current = shownComment(event.commentId);
    // Already shown as gone, or being deleted by its author on this page (whose placeholder will have their focus).
    if (!current || current.classList.contains('comment-gone') || current.dataset.ownAction) {
        return;
    }
    const replies = current.querySelector(':scope > ol.replies');
    if (replies && replies.children.length > 0) {
        // Keep the thread's shape, as the server does: the replies still answer something.
        const placeholder = document.createElement('article');
        const deleted = event.status === 'deleted';
        placeholder.className = 'comment comment-gone';
        placeholder.id = current.id;
        placeholder.setAttribute('aria-label', deleted ? 'Deleted comment' : 'Removed comment');
        const text = document.createElement('p');
        text.className = 'comment-placeholder';
        text.textContent = deleted ? '[deleted]' : '[removed]';
        placeholder.append(text, replies);
        current.replaceWith(placeholder);
        return;
    }
    const item = current.parentElement?.tagName === 'LI' ? current.parentElement : current;
    const list = item.parentElement;
    item.remove();
    if (list?.classList.contains('replies') && list.children.length === 0) {
        list.remove();
    }
}

function showPending() {
    const inserted = [];
    // Where a new thread goes in the order the reader chose: first among the newest, last among the oldest or
    // most voted (it has no votes yet); the editors' picks tab only lists featured threads.
    const sort = threads.closest('.thread-list')?.dataset.sort ?? 'newest';
    const oldestFirst = sort === 'oldest' || sort === 'top';
    for (const [id, { event, element }] of pending) {
        if (!element || shownComment(id)) {
            continue;
        }
        element.classList.add('comment-new');
        const item = document.createElement('li');
        item.append(element);
        const parent = event.parentId ? shownComment(event.parentId) : null;
        if (event.parentId && !parent) {
            continue; // A reply in a thread on another page of the discussion.
        }
        if (!parent && sort === 'featured') {
            continue;
        }
        if (parent) {
            let replies = parent.querySelector(':scope > ol.replies');
            if (!replies) {
                replies = document.createElement('ol');
                replies.className = 'replies';
                parent.append(replies);
            }
            replies.append(item);
        } else if (oldestFirst) {
            threads.append(item);
        } else {
            threads.prepend(item);
        }
        inserted.push(element);
    }
    pending.clear();
    announcePending();
    section.querySelector('.no-comments')?.remove();
    // Continue from the first new comment (for keyboard and screen-reader users too).
    const first = oldestFirst ? inserted[0] : inserted.find((e) => !e.closest('.replies')) ?? inserted[0];
    if (first) {
        first.tabIndex = -1;
        first.focus();
    }
}

function tooFarBehind(source) {
    source.close();
    ensureBar();
    const note = document.createElement('p');
    note.className = 'live-reset';
    const link = document.createElement('a');
    link.href = window.location.pathname + '#comments';
    link.textContent = 'Reload the page';
    note.append('The discussion changed a lot while this page was away. ', link, ' to see it.');
    bar.replaceChildren(status, note);
    status.textContent = 'The discussion changed a lot while this page was away.';
}

if (section && threads && 'EventSource' in window) {
    const source = new EventSource(section.dataset.live);
    // Handled one after another, so an edit never overtakes the comment it edits.
    let queue = Promise.resolve();
    source.addEventListener('comment', (message) => {
        const event = JSON.parse(message.data);
        queue = queue.then(async () => {
            updateCounts(event);
            if (event.kind === 'added') {
                await added(event);
            } else if (event.kind === 'changed') {
                await changed(event);
            } else if (event.kind === 'removed') {
                removed(event);
            }
        }).catch(() => { /* A failed fetch leaves the page as it was; a reload shows the truth. */ });
    });
    source.addEventListener('reset', () => tooFarBehind(source));
    // Let tests and scripts see that the page is listening.
    source.addEventListener('ready', () => section.setAttribute('data-live-state', 'open'));
    source.addEventListener('error', () => section.setAttribute('data-live-state', 'reconnecting'));
}
