-- Patient messages are the messaging module's: the outbox that scheduling wrote is now its table.
ALTER TABLE scheduling_message RENAME TO messaging_message;
ALTER INDEX scheduling_message_due_ix RENAME TO messaging_message_due_ix;
ALTER INDEX scheduling_message_patient_ix RENAME TO messaging_message_patient_ix;
ALTER INDEX scheduling_message_appointment_ix RENAME TO messaging_message_appointment_ix;
