-- The course roster from LTI Names and Role Provisioning Services: where to fetch it, when it was
-- last fetched, and which enrollments have left the course. People on a roster may never launch.

ALTER TABLE course ADD COLUMN roster_url VARCHAR(1000) NULL;
ALTER TABLE course ADD COLUMN roster_synced_at DATETIME(3) NULL;
ALTER TABLE course ADD COLUMN roster_sync_error VARCHAR(1000) NULL;

ALTER TABLE enrollment ADD COLUMN left_at DATETIME(3) NULL;

ALTER TABLE person MODIFY last_launch_at DATETIME(3) NULL;
