-- AlterTable
ALTER TABLE "topics" ADD COLUMN     "traitChannel" "Channel",
ADD COLUMN     "traitKey" TEXT,
ADD COLUMN     "traitWhenTrue" TEXT;
