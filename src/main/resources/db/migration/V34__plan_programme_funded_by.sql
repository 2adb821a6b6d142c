-- Module 5: the samordningsförbund that funds a programme (Finsam), set by the programme lead, so that the förbund's
-- officers get Uppföljning Finsam over their own programmes (a service checks that it is a FORBUND). None: not
-- funded by a förbund, or not yet said; such a programme is in the analysts' overview only.
ALTER TABLE programme ADD COLUMN funded_by bigint REFERENCES organisation (id);
CREATE INDEX programme_funded_by ON programme (funded_by) WHERE funded_by IS NOT NULL;
