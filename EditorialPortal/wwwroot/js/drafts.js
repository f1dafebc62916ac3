// Keeps what a person types in the browser's own storage as they type, so that a dropped connection,
// a closed tab or a crash loses nothing; the page restores it when it opens again.
const prefix = "editorialportal-draft:";

export function restore(key) {
    const saved = localStorage.getItem(prefix + key);
    return saved ? JSON.parse(saved) : null;
}

export function watch(key, fieldIds) {
    const save = () => {
        const draft = {};
        for (const id of fieldIds) {
            const field = document.getElementById(id);
            if (field) draft[id] = field.value;
        }
        draft.savedAt = new Date().toISOString();
        localStorage.setItem(prefix + key, JSON.stringify(draft));
    };
    for (const id of fieldIds) {
        const field = document.getElementById(id);
        if (field && !field.dataset.draftWatched) {
            field.addEventListener("input", save);
            field.dataset.draftWatched = "true";
        }
    }
}

export function forget(key) {
    localStorage.removeItem(prefix + key);
}
