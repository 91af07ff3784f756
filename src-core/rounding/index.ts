export { convertToWanyuan, type ConversionResult, type RoundingAdjustment } from './convert-unit';
