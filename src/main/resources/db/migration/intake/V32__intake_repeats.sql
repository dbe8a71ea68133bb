-- An import that repeats what is already in the system (the same file again, or tasks whose text is exactly that
-- of existing tasks) is found before it is written: by the file's hash among committed imports, and by the title's
-- hash among the indexed tasks' titles.
CREATE INDEX intake_batch_sha_idx ON intake_batch(file_sha256) WHERE state = 'COMMITTED';
CREATE INDEX intake_task_text_md5_idx ON intake_task_text(title_md5);
