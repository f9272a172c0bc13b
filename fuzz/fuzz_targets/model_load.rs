//! Any bytes given as a model file load or fail with an error; never a panic. The input also
//! replaces one section of the built-in model inside a well-formed container, so that the
//! section decoders (past the checksum) see arbitrary bytes too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline::entities::Recognizer::from_bytes(data);
    let builtin = include_bytes!("../../models/ner.bin");
    if let Ok(c) = dateline::model::Container::parse(builtin) {
        let names: Vec<&str> = c.names().collect();
        let k = data.first().map_or(0, |&b| b as usize % names.len().max(1));
        let sections: Vec<(&str, &[u8])> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, if i == k { data } else { c.section(n).unwrap() }))
            .collect();
        let _ = dateline::entities::Recognizer::from_bytes(&dateline::model::write(&sections));
    }
});
