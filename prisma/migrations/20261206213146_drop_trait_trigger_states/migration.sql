-- DropTable
DROP TABLE "trait_trigger_states";
