-- Whether the patient chose their language, or it is only the default (which the page's language may override).
ALTER TABLE preferences ADD COLUMN IF NOT EXISTS language_chosen boolean NOT NULL DEFAULT false;
