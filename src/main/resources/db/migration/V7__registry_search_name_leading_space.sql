-- search_name gets a leading space so that a word of one or two letters can match the start of any name through
-- the trigram index ('% al%' finds Ali and Alva, not Michael). The application writes it so from now on.
UPDATE young_person
   SET search_name = ' ' || search_name
 WHERE search_name IS NOT NULL AND left(search_name, 1) <> ' ';
