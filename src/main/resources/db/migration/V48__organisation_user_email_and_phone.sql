-- Issue 22 (reminders to staff): a user's work e-mail address and phone number, which the user's organisation keeps
-- and the administrator enters. The appointment module e-mails a staff member the day before a booked time; it
-- reads the address through the organisation module's API (UserAccounts), never this table.
ALTER TABLE user_account
    ADD COLUMN email text CHECK (length(email) <= 254),
    ADD COLUMN phone text CHECK (length(phone) <= 30);
